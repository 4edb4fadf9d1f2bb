import type { ApiModel } from "../normalize/build-model.js";
import { apiVersionLabel } from "../normalize/public-names.js";
import { generatedHeader } from "./generated-header.js";
import { escapeComment } from "./tsdoc.js";

export interface PathClientModuleFiles {
  "paths.js": string;
  "paths.d.ts": string;
}

/**
 * Emits one version's `paths` entry: `pathClient(client)`, openapi-fetch's calls on the spec's
 * paths and its middleware. A separate entry, so that only a program that imports it loads
 * openapi-fetch's declarations (see templates/runtime/path-client.ts).
 */
export function emitPathClientModule(model: ApiModel, runtimeFolder: string, origin: string): PathClientModuleFiles {
  const header = generatedHeader(origin);
  const runtime = `${runtimeFolder}/path-client.js`;
  const comment = `/**
 * openapi-fetch's calls on ${escapeComment(apiVersionLabel(model))}'s paths (\`GET\`, …, \`request\`), with their
 * \`{ data, error, response }\` contract, and its middleware (\`use\`, \`eject\`), which the
 * client's methods go through too.
 *
 * @throws {TypeError} anything but a client made by the createClient of this version's entry.
 */`;
  const js = [
    header,
    `import { pathClientOf } from ${JSON.stringify(runtime)};`,
    'import { apiDescription } from "./index.js";',
    "",
    comment,
    "export function pathClient(client) {",
    "  return pathClientOf(apiDescription, client);",
    "}",
    "",
  ];
  const dts = [
    header,
    `import type { PathClient } from ${JSON.stringify(runtime)};`,
    'import type { Client } from "./index.js";',
    'import type { paths } from "./schema.js";',
    "",
    "export type { PathClient };",
    "",
    comment,
    "export declare function pathClient(client: Client): PathClient<paths>;",
    "",
  ];
  return { "paths.js": js.join("\n"), "paths.d.ts": dts.join("\n") };
}

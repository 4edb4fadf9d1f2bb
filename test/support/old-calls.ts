import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { clientPackageInfo } from "../../generator/cli/project-paths.js";
import { generatePackage } from "../../generator/pipeline.js";
import { writeTreeAtomically } from "../../generator/write/file-tree.js";
import { projectTempDir, ROOT, TEMPLATES_DIR } from "./paths.js";
import { typeCheck } from "./typecheck.js";

/** The settings every diff fixture is read with: method names from operationIds, `things.list()`. */
export const FIXTURE_SETTINGS = { auth: "pmm", naming: "operationId", int64: "number" } as const;

/** A fixture's partial document (paths, components, …) as a whole OpenAPI 3.0 document. */
export function fixtureDocument(version: string, partial: Record<string, unknown>): Record<string, unknown> {
  return { openapi: "3.0.3", info: { title: "fixture", version }, ...structuredClone(partial) };
}

export interface FixturePair {
  /** A folder name: lower-case letters, digits and dashes. */
  name: string;
  old: Record<string, unknown>;
  new: Record<string, unknown>;
}

/** Code written against a fixture's old client: statements that may use `api`, a client of it, and `T`, its module (`T.Things.ListResponse`). */
export interface OldCall {
  fixture: string;
  code: string;
}

/** The compiler's diagnostics for one call, against the old client and against the new one. */
export interface CallResult {
  old: string[];
  new: string[];
}

/**
 * Proves what the diff says about old code. Generates every fixture's old (v1) and new (v2)
 * client into one package, as `npm run generate` does for specs/, writes each call once
 * against each client, and type-checks them all with the real compiler in strict mode.
 */
export async function typeCheckOldCalls(fixtures: FixturePair[], calls: OldCall[]): Promise<CallResult[]> {
  const dir = await projectTempDir("old-calls");
  const specsDir = path.join(dir, "specs");
  for (const fixture of fixtures) {
    const folder = path.join(specsDir, fixture.name);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "api.yaml"), stringify(FIXTURE_SETTINGS));
    await writeFile(path.join(folder, "v1.json"), JSON.stringify(fixtureDocument("v1", fixture.old)));
    await writeFile(path.join(folder, "v2.json"), JSON.stringify(fixtureDocument("v2", fixture.new)));
  }
  const { files } = await generatePackage({ root: ROOT, specsDir, templatesDir: TEMPLATES_DIR, info: clientPackageInfo() });
  await writeTreeAtomically(path.join(dir, "package"), files);

  const sources = calls.map((call, index) =>
    (["v1", "v2"] as const).map((version) => ({
      file: path.join(dir, "calls", `${index}-${version}.ts`),
      text: [
        `import * as T from "../package/${call.fixture}/${version}/index.js";`,
        "const { createClient } = T;",
        `const api = createClient({ baseUrl: "https://api.example.com", auth: { token: "t" } });`,
        "export async function yesterday(): Promise<void> {",
        call.code,
        "}",
        "",
      ].join("\n"),
    })),
  );
  await mkdir(path.join(dir, "calls"), { recursive: true });
  for (const source of sources.flat()) await writeFile(source.file, source.text);
  // One program for every call: the client packages and lib files are checked once.
  const diagnostics = typeCheck(
    sources.flat().map((s) => s.file),
    { skipLibCheck: true },
  );
  const of = (file: string) => diagnostics.filter((d) => d.startsWith(`${path.relative(process.cwd(), file)}:`));
  return sources.map(([old, current]) => ({ old: of(old!.file), new: of(current!.file) }));
}

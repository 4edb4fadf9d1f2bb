import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
import { importSpec } from "../importer/import-spec.js";
import {
  hasRedactedCredentials,
  REDACTED,
  readSources,
  recordedLocation,
  SOURCES_FILE,
  withoutCredentials,
  withRecord,
  writeSources,
} from "../importer/sources-record.js";
import { API_CONFIG_FILE } from "../load/api-config.js";
import { isUrl } from "../load/download.js";
import { checkVersionLabel } from "../validate/labels.js";
import { resolveInput } from "./arguments.js";
import { type CliIo, runIfEntry, usage } from "./run-cli.js";

const HELP = `Usage:
  npm run specs:import -- <file-or-https-URL> --api <name> --version <v> [--keep-docs] [--allow-external-refs]

Reads a Swagger 2.0 or OpenAPI 3.0/3.1 document (JSON or YAML), validates it and writes
specs/<api>/<version>.yaml with keys sorted, so importing the same input twice gives the
same file. Upstream prose (descriptions, summaries, titles) is dropped unless --keep-docs
is given; every structural fact (paths, parameters, schemas, enums, formats, status codes)
is kept. The source, its SHA-256 and the options are recorded in specs/sources.yaml,
replacing the version's earlier entry. Then run \`npm run generate\`.

A URL is recorded without its credentials, since sources.yaml is committed: userinfo and
the values of query parameters that look like secrets (token, key, signature, credential,
password, X-Amz-*, …) become REDACTED. Such a recorded URL is refused as a source: give
the URL with your credentials to import it again.

Options:
  --api <name>      the API folder in specs/ (pem, pmm, or a new one)
  --version <v>     the version label and file name: v11, or v3.1 for a minor version (lower case;
                    letters, digits and _, with . or - between them)
  --keep-docs       keep descriptions and titles (for your own servers' specs)
  --allow-external-refs
                    follow $refs to other local files and https:// URLs and bundle them
                    into the imported file; without it they are refused (plain http://
                    ones always are)
  -h, --help        show this help`;

const NAME = /^[a-z][a-z0-9-]*$/;

/** `npm run specs:import`: one spec file or URL → specs/<api>/<version>.yaml. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      options: {
        api: { type: "string" },
        version: { type: "string" },
        "keep-docs": { type: "boolean", default: false },
        "allow-external-refs": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) throw new UsageError("give exactly one spec file or https:// URL.");
  const { api, version } = values;
  if (!api || !NAME.test(api)) throw new UsageError("--api <name> is required: lower-case letters, digits and dashes (for example pem).");
  checkVersionLabel("--version", version);

  const { specsDir, root } = io.project;
  // Read first, so that a damaged sources.yaml stops the import before specs/ changes.
  const records = await readSources(specsDir);
  if (isUrl(source) && hasRedactedCredentials(source))
    throw new UsageError(
      "this URL had its credentials left out (REDACTED) when specs/sources.yaml recorded it; give the URL with your credentials to import it again.",
    );
  const input = resolveInput(io, source);
  const options = { keepDocs: values["keep-docs"], allowExternalRefs: values["allow-external-refs"] };
  const { text, sourceSha256 } = await importSpec(input, { api, version, ...options });
  const apiDir = path.join(specsDir, api);
  await mkdir(apiDir, { recursive: true });
  const target = path.join(apiDir, `${version}.yaml`);
  await writeFile(target, text);
  await writeSources(specsDir, withRecord(records, { api, version, source: recordedLocation(root, input), sha256: sourceSha256, ...options }));
  const { left } = isUrl(input) ? withoutCredentials(input) : { left: [] };
  const credentials = left.length > 0 ? ` (without its credentials: ${[...new Set(left)].join(", ")} recorded as ${REDACTED})` : "";
  io.stdout.write(`wrote ${path.relative(io.cwd, target)} and its source in ${path.relative(io.cwd, path.join(specsDir, SOURCES_FILE))}${credentials}\n`);
  if (!(await readdir(apiDir)).includes(API_CONFIG_FILE)) {
    io.stdout.write(
      `note: ${path.relative(io.cwd, apiDir)} has no ${API_CONFIG_FILE} yet; add one (auth, naming) before \`npm run generate\`. See README.md.\n`,
    );
  }
  return 0;
}

runIfEntry(import.meta.url, main);

import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { compareVersions } from "../diff/compare.js";
import { formatJson } from "../diff/format/json.js";
import { formatMarkdown } from "../diff/format/markdown.js";
import { formatText } from "../diff/format/text.js";
import { UsageError } from "../errors.js";
import { readApiConfig, type ApiConfig } from "../load/api-config.js";
import { discoverSpecs } from "../load/discover-specs.js";
import { readDocument } from "../load/read-document.js";
import { loadModel } from "../pipeline.js";
import { SPECS_DIR } from "./project-paths.js";
import { runCli, usage } from "./run-cli.js";

const HELP = `Usage:
  npm run diff -- <api> <old-version> <new-version>   two shipped versions (e.g. pem v9 v10)
  npm run diff -- <old-spec> <new-spec>               any two spec files (Swagger 2.0 or OpenAPI 3.x,
                                                      JSON or YAML), e.g. one from an upgraded server

Options:
  --format <f>      text | md | json   (default: text on a terminal, json otherwise)
  --out <file>      write the report to a file instead of standard output
  --fail-on <level> breaking | warning: exit 1 when changes of that level (or worse) exist
  --api <name>      naming settings for spec files (pem, pmm); guessed from the path otherwise
  -h, --help        show this help

Levels: breaking (calls or code that compile today fail), warning (worth a look: renamed
parameters, new response enum values that break exhaustive switches), info (additions).
Exit codes: 0 done, 1 bad input or --fail-on triggered, 2 usage error.`;

const FORMATS = { text: formatText, md: formatMarkdown, json: formatJson } as const;
const FAIL_LEVELS = { breaking: ["breaking"], warning: ["breaking", "warning"] } as const;

runCli(async () => {
  const { values, positionals } = usage(() =>
    parseArgs({
      options: {
        format: { type: "string" },
        out: { type: "string" },
        "fail-on": { type: "string" },
        api: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const format = values.format ?? (process.stdout.isTTY && !values.out ? "text" : "json");
  if (!(format in FORMATS)) throw new UsageError(`--format must be text, md or json; got "${format}".`);
  const failOn = values["fail-on"];
  if (failOn !== undefined && !(failOn in FAIL_LEVELS)) throw new UsageError(`--fail-on must be breaking or warning; got "${failOn}".`);

  const [before, after] = await resolveInputs(positionals, values.api);
  const comparison = compareVersions(await loadModel(before.file, before.config, before.version), await loadModel(after.file, after.config, after.version));
  const report = FORMATS[format as keyof typeof FORMATS](comparison);
  if (values.out) await writeFile(values.out, report);
  else process.stdout.write(report);

  const failing = failOn ? comparison.changes.filter((c) => (FAIL_LEVELS[failOn as keyof typeof FAIL_LEVELS] as readonly string[]).includes(c.level)) : [];
  if (failing.length > 0) {
    process.stderr.write(`--fail-on ${failOn}: ${failing.length} change${failing.length > 1 ? "s" : ""} at that level or worse.\n`);
    return 1;
  }
  return 0;
});

interface Input {
  file: string;
  version: string;
  config: ApiConfig;
}

async function resolveInputs(positionals: string[], api: string | undefined): Promise<[Input, Input]> {
  const all = await discoverSpecs(SPECS_DIR);
  const shipped = new Set(all.map((s) => s.api));
  if (positionals.length === 3) {
    const [name, oldVersion, newVersion] = positionals as [string, string, string];
    const specs = all.filter((s) => s.api === name);
    if (specs.length === 0) throw new UsageError(`unknown API "${name}". Shipped APIs: ${[...shipped].join(", ")}.`);
    const config = await readApiConfig(path.join(SPECS_DIR, name));
    const find = (version: string): Input => {
      const spec = specs.find((s) => s.version === version);
      if (!spec) throw new UsageError(`${name} has no version "${version}". Shipped: ${specs.map((s) => s.version).join(", ")}.`);
      return { file: spec.file, version, config };
    };
    return [find(oldVersion), find(newVersion)];
  }
  if (positionals.length === 2 && !(shipped.has(positionals[0]!) && !existsSync(positionals[0]!))) {
    const [oldFile, newFile] = positionals as [string, string];
    return [await fileInput(oldFile, api, shipped), await fileInput(newFile, api, shipped)];
  }
  throw new UsageError("give an API and two versions (pem v9 v10), or two spec files (old.json new.json).");
}

/** A spec file's settings: --api, else the API folder it sits in, else guessed from the document. */
async function fileInput(file: string, api: string | undefined, known: Set<string>): Promise<Input> {
  const version = path.basename(file).replace(/\.(ya?ml|json)$/, "");
  const folder = path.basename(path.dirname(path.resolve(file)));
  const name = api ?? (known.has(folder) ? folder : undefined);
  if (api && !known.has(api)) throw new UsageError(`unknown API "${api}". Shipped APIs: ${[...known].join(", ")}.`);
  if (name) return { file, version, config: await readApiConfig(path.join(SPECS_DIR, name)) };
  const { document } = await readDocument(file);
  const operations = Object.values((document.paths ?? {}) as Record<string, Record<string, { operationId?: string }>>).flatMap((item) => Object.values(item ?? {}));
  const allNamed = operations.length > 0 && operations.every((op) => typeof op !== "object" || Array.isArray(op) || !("responses" in op) || Boolean(op.operationId));
  return { file, version, config: { name: "api", auth: "pmm", naming: allNamed ? "operationId" : "path", int64: "number" } };
}

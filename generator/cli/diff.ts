import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { CHECKS } from "../diff/checks/index.js";
import { compareApis } from "../diff/compare.js";
import { formatCheckList, formatCheckTable } from "../diff/format/check-list.js";
import { formatJson } from "../diff/format/json.js";
import { formatMarkdown } from "../diff/format/markdown.js";
import { formatText } from "../diff/format/text.js";
import { pointIntoSources } from "../diff/source-pointers.js";
import { UsageError } from "../errors.js";
import { type ApiConfig, readApiConfig } from "../load/api-config.js";
import { discoverSpecs } from "../load/discover-specs.js";
import { settingsForFiles } from "../load/guess-settings.js";
import { readDocument } from "../load/read-document.js";
import { loadModel } from "../pipeline.js";
import { printable } from "../printable.js";
import type { Defect } from "../validate/defects.js";
import { resolveInput } from "./arguments.js";
import { type CliIo, runIfEntry, usage } from "./run-cli.js";

const HELP = `Usage:
  npm run diff -- <api> <old-version> <new-version>   two shipped versions (e.g. pem v9 v10)
  npm run diff -- <old-spec> <new-spec>               any two spec files (Swagger 2.0 or OpenAPI 3.x,
                                                      JSON or YAML), e.g. one from an upgraded server

Options:
  --format <f>      text | md | json   (default: from --out's extension .md/.json/.txt; else
                    text on a terminal, json otherwise)
  --out <file>      write the report to a file instead of standard output
  --fail-on <level> breaking | warning: exit 1 when changes of that level (or worse) exist
  --api <name>      the settings (pem, pmm) to read both spec files with; otherwise those of
                    the API folder a file sits in, else guessed from the old file's content
  --list-checks     list every check, one line each: its id, its levels and what it compares,
                    then exit (with --format md: each one's whole reasoning, as README.md's table)
  -h, --help        show this help

Levels: breaking (code written against the old client no longer compiles, or no longer works),
warning (worth a look: new response enum values that break exhaustive switches), info
(additions). A removed operation whose job another took over is reported where it went (moved,
or merged into a call keyed by type) with the new call; --format json lists these pairs in
"successors". Each change says whether old code still compiles; in JSON, "pointers" say where it
is in each spec file as given (Swagger 2.0 included). A document that misses a
response description or a parameter schema is compared anyway, with a warning per problem.
Exit codes: 0 done, 1 bad input or --fail-on triggered, 2 usage error.`;

const FORMATS = { text: formatText, md: formatMarkdown, json: formatJson } as const;
/** `md` is the table README.md shows (test/unit/readme-checks.test.ts keeps it current). */
const CHECK_FORMATS = { text: formatCheckList, md: formatCheckTable } as const;
const FAIL_LEVELS = { breaking: ["breaking"], warning: ["breaking", "warning"] } as const;

/** `npm run diff`: what changed between two versions of an API, and how much it matters. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      options: {
        format: { type: "string" },
        out: { type: "string" },
        "fail-on": { type: "string" },
        api: { type: "string" },
        "list-checks": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values["list-checks"]) {
    const listFormat = values.format ?? "text";
    if (!(listFormat in CHECK_FORMATS)) throw new UsageError(`--list-checks prints text or md; got "${listFormat}".`);
    io.stdout.write(CHECK_FORMATS[listFormat as keyof typeof CHECK_FORMATS](CHECKS));
    return 0;
  }
  const format = values.format ?? formatOfFile(values.out) ?? (io.stdout.isTTY && !values.out ? "text" : "json");
  if (!(format in FORMATS)) throw new UsageError(`--format must be text, md or json; got "${format}".`);
  const failOn = values["fail-on"];
  if (failOn !== undefined && !(failOn in FAIL_LEVELS)) throw new UsageError(`--fail-on must be breaking or warning; got "${failOn}".`);

  const [before, after] = await resolveInputs(positionals, values.api, io);
  // A vendor's slightly invalid document is still worth comparing: read leniently, one warning per defect.
  const warn = (file: string) => (defect: Defect) =>
    io.stderr.write(`diff: warning: ${printable(file)} at ${printable(defect.pointer || "/")}: ${printable(defect.problem)}; ${defect.handling}.\n`);
  const load = async (input: Input) => {
    const source = input.document ?? (await readDocument(input.file)).document;
    return { source, model: await loadModel(input.file, input.config, input.version, { document: source, onDefect: warn(input.file) }) };
  };
  const [old, current] = [await load(before), await load(after)];
  const compared = compareApis(old.model, current.model);
  // Pointers lead into the files as given, not into the OpenAPI 3 models they were compared as.
  const comparison = {
    ...compared,
    changes: pointIntoSources(compared.changes, {
      old: { source: old.source, model: old.model.document },
      new: { source: current.source, model: current.model.document },
    }),
  };
  const report = FORMATS[format as keyof typeof FORMATS](comparison);
  if (values.out) {
    const out = path.resolve(io.cwd, values.out);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, report);
  } else io.stdout.write(report);

  const failing = failOn ? comparison.changes.filter((c) => (FAIL_LEVELS[failOn as keyof typeof FAIL_LEVELS] as readonly string[]).includes(c.level)) : [];
  if (failing.length > 0) {
    io.stderr.write(`--fail-on ${failOn}: ${failing.length} change${failing.length > 1 ? "s" : ""} at that level or worse.\n`);
    return 1;
  }
  return 0;
}

runIfEntry(import.meta.url, main);

/** The format a report file's extension asks for: .md, .json, .txt. */
function formatOfFile(file: string | undefined): string | undefined {
  const extension = file ? path.extname(file).toLowerCase() : "";
  return { ".md": "md", ".json": "json", ".txt": "text" }[extension];
}

interface Input {
  file: string;
  version: string;
  config: ApiConfig;
  /** The parsed file, when choosing the settings meant reading it already. */
  document?: Record<string, unknown>;
}

async function resolveInputs(positionals: string[], api: string | undefined, io: CliIo): Promise<[Input, Input]> {
  const { specsDir } = io.project;
  const all = await discoverSpecs(specsDir);
  const shipped = new Set(all.map((s) => s.api));
  if (positionals.length === 3) {
    const [name, oldVersion, newVersion] = positionals as [string, string, string];
    const specs = all.filter((s) => s.api === name);
    if (specs.length === 0) throw new UsageError(`unknown API "${name}". Shipped APIs: ${[...shipped].join(", ")}.`);
    const config = await readApiConfig(path.join(specsDir, name));
    const find = (version: string): Input => {
      const spec = specs.find((s) => s.version === version);
      if (!spec) throw new UsageError(`${name} has no version "${version}". Shipped: ${specs.map((s) => s.version).join(", ")}.`);
      return { file: spec.file, version, config };
    };
    return [find(oldVersion), find(newVersion)];
  }
  if (positionals.length === 2 && !(shipped.has(positionals[0]!) && !existsSync(resolveInput(io, positionals[0]!)))) {
    const [oldFile, newFile] = (positionals as [string, string]).map((file) => resolveInput(io, file)) as [string, string];
    // Both sides use the same settings: different ones would show up as changes that are not in the API.
    const { config, oldDocument } = await settingsForFiles(oldFile, newFile, {
      api,
      specsDir,
      known: shipped,
      notice: (message) => io.stderr.write(`diff: ${message}\n`),
    });
    const version = (file: string) => path.basename(file).replace(/\.(ya?ml|json)$/, "");
    return [
      { file: oldFile, version: version(oldFile), config, ...(oldDocument ? { document: oldDocument } : {}) },
      { file: newFile, version: version(newFile), config },
    ];
  }
  throw new UsageError("give an API and two versions (pem v9 v10), or two spec files (old.json new.json).");
}

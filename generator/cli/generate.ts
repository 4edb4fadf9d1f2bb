import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { sharedCompilerThread } from "../emit/compiler-thread/index.js";
import { SpecError, UsageError } from "../errors.js";
import { type ApiConfig, parseApiConfig, readApiConfig } from "../load/api-config.js";
import { discoverSpecs } from "../load/discover-specs.js";
import { AUTH_KINDS } from "../load/login-kinds.js";
import { readDocument } from "../load/read-document.js";
import type { VersionResult } from "../pipeline.js";
import { checkLabel, checkVersionLabel } from "../validate/labels.js";
import { diffTree, type FileTree, writeTreeAtomically } from "../write/file-tree.js";
import { hashInputs, type InputHashes, NPM_IGNORE, readStamp, STAMP_FILE, stampText, unchangedFolders, verifyAgainstStamp } from "../write/input-stamp.js";
import { checkOutFolder, refuseUserFiles } from "../write/out-folder.js";
import { resolveInput } from "./arguments.js";
import { clientPackageInfo } from "./project-paths.js";
import { type CliIo, runIfEntry, usage } from "./run-cli.js";

const HELP = `Usage:
  npm run generate                      every spec in specs/ → generated/
  npm run generate -- --check           exit 1 and name the files when generated/ is stale
  npm run generate -- --force           emit every version, even with nothing changed
  npm run generate -- --spec <file> --api <name> --version <v> --out <dir>
                                        one client from any Swagger 2.0 / OpenAPI 3.x file

Options:
  --spec <file>     a spec file (JSON or YAML) or an https:// URL
  --api <name>      pem, pmm, or any folder in specs/ whose api.yaml settings to use;
                    another name needs --auth and --naming
  --version <v>     the version label used in messages (for example v10)
                    --api and --version: letters, digits and _, with . or - between them
  --out <dir>       the folder to write; it is replaced as a whole, so it must be empty,
                    missing, or an earlier output of this command with no files added
  --allow-external-refs
                    follow $refs to other local files and https:// URLs and bundle them
                    in; without it they are refused (plain http:// ones always are)

  Settings, each overriding specs/<api>/api.yaml (required for a new API: --auth, --naming):
  --auth <kind>          ${AUTH_KINDS.join(" | ")}
  --naming <rule>        path | operationId
  --auth-header <name>   header parameter that carries the credential, lifted out of every
                         method (pem-token: X-Auth-Token unless given)
  --int64 <type>         string | number: how 64-bit integers arrive (default number)

  --check           compare instead of writing
  --force           ignore generated/.inputs.json, the record that lets a run with
                    nothing changed stop at once and one with a spec changed emit only
                    that version
  -h, --help        show this help

Exit codes: 0 success, 1 bad input or stale output, 2 usage error.`;

/** The settings flags, and the api.yaml setting each one overrides. */
const SETTING_FLAGS = ["auth", "naming", "auth-header", "int64"] as const;
const SETTING_OF: Record<SettingFlag, keyof ApiConfig> = { auth: "auth", naming: "naming", "auth-header": "authHeader", int64: "int64" };

type SettingFlag = (typeof SETTING_FLAGS)[number];

/** `npm run generate`: every shipped spec into generated/, or one spec into a folder of your choice. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const { values } = usage(() =>
    parseArgs({
      args: argv,
      options: {
        spec: { type: "string" },
        api: { type: "string" },
        version: { type: "string" },
        out: { type: "string" },
        auth: { type: "string" },
        naming: { type: "string" },
        "auth-header": { type: "string" },
        int64: { type: "string" },
        "allow-external-refs": { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.spec !== undefined || values.out !== undefined) {
    if (values.force) throw new UsageError("--force applies to generated/ only; --out is written whole every time.");
    return generateOne(values, io);
  }
  for (const name of ["api", "version", ...SETTING_FLAGS] as const) {
    if (values[name] !== undefined) throw new UsageError(`--${name} only applies with --spec and --out.`);
  }
  if (values["allow-external-refs"]) throw new UsageError("--allow-external-refs only applies with --spec and --out; the specs in specs/ are self-contained.");
  return generateAll({ check: values.check, force: values.force }, io);
}

runIfEntry(import.meta.url, main);

async function generateAll({ check, force }: { check: boolean; force: boolean }, io: CliIo): Promise<number> {
  const { root, specsDir, templatesDir, generatedDir } = io.project;
  const started = performance.now();
  const relativeOut = path.relative(io.cwd, generatedDir) || ".";
  const specs = await discoverSpecs(specsDir);
  const hashes = await hashInputs(io.project, specs);
  const stamp = force ? undefined : await readStamp(generatedDir);
  const verified = stamp && (await verifyAgainstStamp(generatedDir, stamp));
  if (stamp?.inputs === hashes.inputs && verified) {
    // Nothing generation reads has changed: the files on disk only need to be as they were written.
    if (verified.differences.length === 0) {
      const files = verified.found.size + 1;
      io.stdout.write(`${relativeOut}/ is up to date (${specs.length} API versions, ${files} files; no spec, template or generator file changed since).\n`);
      return 0;
    }
    if (check) return reportStale(relativeOut, verified.differences, io);
  }
  // Started first, so that the thread loads its compiler while this one loads the pipeline.
  sharedCompilerThread();
  // Imported here: a run with nothing to do never loads the generator's dependencies.
  const { generatePackage } = await import("../pipeline.js");
  const generated = await generatePackage({
    root,
    specsDir,
    templatesDir,
    info: clientPackageInfo(root),
    onVersion: check ? undefined : (result) => printVersion(result, io),
    unchanged: stamp && verified ? unchangedFolders(stamp, hashes, verified.found) : undefined,
  });
  const files = withStamp(generated.files, hashes);
  const versions = generated.versions;
  if (check) {
    const stale = await diffTree(generatedDir, files);
    if (stale.length === 1 && stale[0] === `${STAMP_FILE} (out of date)`) {
      io.stderr.write(
        `${relativeOut}/ holds what the specs produce, but its record of inputs (${STAMP_FILE}) is out of date: a template, generator file or dependency changed without changing the output.\nRun \`npm run generate\` and commit ${relativeOut}/${STAMP_FILE}.\n`,
      );
      return 1;
    }
    if (stale.length > 0) return reportStale(relativeOut, stale, io);
    io.stdout.write(`${relativeOut}/ is up to date (${versions.length} API versions, ${files.size} files).\n`);
    return 0;
  }
  await writeTreeAtomically(generatedDir, files);
  io.stdout.write(`wrote ${relativeOut}/: ${versions.length} API versions, ${files.size} files in ${Math.round(performance.now() - started)} ms\n`);
  return 0;
}

function reportStale(relativeOut: string, stale: readonly string[], io: CliIo): number {
  const count = `${stale.length} file${stale.length > 1 ? "s" : ""}`;
  io.stderr.write(
    `${relativeOut}/ is not what the specs produce (${count}):\n${stale.map((f) => `  ${f}`).join("\n")}\nRun \`npm run generate\` and commit the result.\n`,
  );
  return 1;
}

/** The tree with its record of inputs, and the .npmignore that keeps the record out of the package. */
function withStamp(files: FileTree, hashes: InputHashes): FileTree {
  const all = new Map([...files, [NPM_IGNORE.name, NPM_IGNORE.content]]);
  return all.set(STAMP_FILE, stampText(hashes, all));
}

async function generateOne(
  values: { spec?: string; api?: string; version?: string; out?: string; check: boolean; "allow-external-refs": boolean } & Partial<
    Record<SettingFlag, string>
  >,
  io: CliIo,
): Promise<number> {
  const { api, version } = values;
  if (!values.spec || !api || !version || !values.out) {
    throw new UsageError("--spec, --api, --version and --out go together; all four are needed.");
  }
  checkLabel("--api", api);
  checkVersionLabel("--version", version);
  const spec = resolveInput(io, values.spec);
  const out = path.resolve(io.cwd, values.out);
  const config = await configFor(api, values, io.project.specsDir);
  const folder = values.check ? out : await checkOutFolder(out);
  const started = performance.now();
  // Started first, so that the thread loads its compiler while this one reads the spec.
  sharedCompilerThread();
  const { document } = await readDocument(spec, { allowExternalRefs: values["allow-external-refs"] });
  const { generateStandalone } = await import("../pipeline.js");
  const { files, operations } = await generateStandalone(spec, config, version, io.project.templatesDir, document);
  if (values.check) {
    const stale = await diffTree(out, files);
    if (stale.length > 0) {
      io.stderr.write(`${values.out} is not what ${values.spec} produces:\n${stale.map((f) => `  ${f}`).join("\n")}\n`);
      return 1;
    }
    return 0;
  }
  await refuseUserFiles(out, folder, files);
  await writeTreeAtomically(folder, files);
  printVersion({ api, version, operations, milliseconds: performance.now() - started, unchanged: false }, io);
  return 0;
}

/** A known API's settings from specs/<api>/api.yaml with the flags' overrides, or a new API's from the flags alone. */
async function configFor(api: string, flags: Partial<Record<SettingFlag, string>>, specsDir: string): Promise<ApiConfig> {
  const known = (await readdir(specsDir, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory()).map((d) => d.name);
  const base: Partial<ApiConfig> = known.includes(api) ? await readApiConfig(path.join(specsDir, api)) : {};
  const overrides = Object.fromEntries(SETTING_FLAGS.filter((flag) => flags[flag] !== undefined).map((flag) => [SETTING_OF[flag], flags[flag]]));
  const { name: _name, ...settings } = { ...base, ...overrides };
  for (const required of ["auth", "naming"] as const) {
    if (settings[required] === undefined) {
      throw new UsageError(`unknown API "${api}" needs --auth (${AUTH_KINDS.join(" | ")}) and --naming (path | operationId). Known APIs: ${known.join(", ")}.`);
    }
  }
  try {
    return parseApiConfig("command line", api, settings);
  } catch (error) {
    // api.yaml was checked when it was read, so a bad value here came from a flag.
    if (error instanceof SpecError) {
      const flag = SETTING_FLAGS.find((candidate) => `/${SETTING_OF[candidate]}` === error.pointer);
      throw new UsageError(`--${flag ?? error.pointer}: ${error.problem} ${error.remedy}`);
    }
    throw error;
  }
}

function printVersion(result: VersionResult, io: CliIo): void {
  const label = `${result.api}/${result.version}`.padEnd(12);
  const time = result.unchanged ? "unchanged" : `${String(Math.round(result.milliseconds)).padStart(5)} ms`;
  io.stdout.write(`${label} ${String(result.operations).padStart(4)} operations  ${time}\n`);
}

import path from "node:path";
import { type OpenApiDocument, toOpenApi3 } from "./convert/to-openapi3.js";
import { apiDocs } from "./diff/api-docs.js";
import { emitClientModule } from "./emit/client-module.js";
import { type CompilerThread, type SchemaTypes, sharedCompilerThread } from "./emit/compiler-thread/index.js";
import { emitFakeModel, emitFakeModelIndex } from "./emit/fake-model.js";
import { generatedHeader, specName } from "./emit/generated-header.js";
import { packageLicense, packageReadme } from "./emit/package-docs.js";
import { type PackageInfo, packageManifest, requireTypes, requireTypesText, VERSION_MODULES } from "./emit/package-manifest.js";
import { emitPathClientModule } from "./emit/path-client-module.js";
import { TEMPLATE_FOLDERS } from "./emit/template-folders.js";
import { emitValidators } from "./emit/validators.js";
import { type ApiConfig, readApiConfig } from "./load/api-config.js";
import { discoverSpecs } from "./load/discover-specs.js";
import { parseSpecBytes, readSpecBytes } from "./load/read-document.js";
import { deepFreeze, RecentResults } from "./load/recent-results.js";
import { type ApiModel, buildModel } from "./normalize/build-model.js";
import { printableFile } from "./printable.js";
import type { OnDefect } from "./validate/defects.js";
import { checkOwnRules, lintStructure, validateDocument } from "./validate/validate-document.js";
import type { FileTree } from "./write/file-tree.js";

export interface VersionResult {
  api: string;
  version: string;
  operations: number;
  /** Work done for this version on both threads; versions overlap, so these do not add up to the run's time. */
  milliseconds: number;
  /** Its files were taken over from the last run: nothing they are made from changed. */
  unchanged: boolean;
}

export interface LoadOptions {
  /** The spec as read already: the file is not read again, and the model is not kept. */
  document?: Record<string, unknown>;
  /** Makes reading lenient, as validateDocument explains. */
  onDefect?: OnDefect;
  /**
   * Given the normalized document (the model's `document`) as soon as it is made, before the
   * structural lint, which takes most of the load's time: the schema types can start meanwhile.
   * Not called for a model kept from an earlier read, nor when reading leniently.
   */
  onNormalized?: (document: OpenApiDocument) => void;
}

/**
 * load → validate → convert → normalize: one API version's model.
 *
 * A model read from its file is frozen and kept among the process's recent ones, by the file's
 * content, the version and the settings: reading the same file again, or a copy of it, costs
 * its hash. The model names no file (the path only goes into the errors, which are not kept).
 */
export async function loadModel(specFile: string, config: ApiConfig, version: string, options: LoadOptions = {}): Promise<ApiModel> {
  if (options.document) return modelOf(specFile, config, version, options.document, options);
  const read = await readSpecBytes(specFile);
  const make = async () => modelOf(specFile, config, version, (await parseSpecBytes(read)).document, options);
  // A lenient read reports each defect as it finds it, which a kept model could not repeat.
  if (options.onDefect) return make();
  return recentModels.get(JSON.stringify([read.sha256, version, config]), async () => deepFreeze(await make()));
}

/** About 2 MB each: room for every shipped version of both APIs, twice over. */
const recentModels = new RecentResults<ApiModel>(16);

async function modelOf(
  specFile: string,
  config: ApiConfig,
  version: string,
  document: Record<string, unknown>,
  { onDefect, onNormalized }: LoadOptions,
): Promise<ApiModel> {
  const normalize = async () => buildModel(specFile, version, config, await toOpenApi3(specFile, document), onDefect);
  if (onDefect) {
    // A lenient lint repairs the document before it is converted.
    await validateDocument(specFile, document, onDefect);
    return normalize();
  }
  // Converted and normalized (on a copy) before the lint. The document's own rules come first,
  // since every `$ref` must be checked before anything follows it; and when both the lint and
  // the normalization refuse the document, the lint's error is the one given: it names the
  // problem's JSON pointer, where the other may only be its consequence.
  checkOwnRules(specFile, document);
  const made = await normalize().then(
    (model) => ({ model }),
    (error: unknown) => ({ error }),
  );
  if ("model" in made) onNormalized?.(made.model.document);
  await lintStructure(specFile, document);
  if ("error" in made) throw made.error;
  return made.model;
}

/** A loaded version, and its schema types under way on the compiler thread. */
interface LoadedVersion {
  model: ApiModel;
  schema: Promise<SchemaTypes>;
}

/**
 * loadModel, with the schema types asked of the compiler thread as soon as the normalized
 * document exists, so that they are made while this thread lints and emits. When the load
 * fails, what the thread was asked is not awaited.
 */
async function loadVersion(
  compiler: CompilerThread,
  specFile: string,
  config: ApiConfig,
  version: string,
  document?: Record<string, unknown>,
): Promise<LoadedVersion> {
  let schema: Promise<SchemaTypes> | undefined;
  const onNormalized = (normalized: OpenApiDocument) => {
    schema = awaitedLater(compiler.schemaTypes(specFile, normalized));
  };
  const model = await loadModel(specFile, config, version, { document, onNormalized });
  // A model kept from an earlier read was not normalized again.
  return { model, schema: schema ?? awaitedLater(compiler.schemaTypes(specFile, model.document)) };
}

/**
 * The files of one version entry (the client, its `paths` entry, validators.js beside them),
 * with the schema types the compiler thread made meanwhile. `milliseconds` is the work both
 * threads did for it, not counting time queued.
 */
async function emitVersion({ model, schema }: LoadedVersion, runtimeFolder: string, origin: string): Promise<{ tree: FileTree; milliseconds: number }> {
  // A failure of the client emission comes first.
  const started = performance.now();
  const client = emitClientModule(model, `${runtimeFolder}/index.js`, origin);
  const pathClient = emitPathClientModule(model, runtimeFolder, origin);
  const validators = emitValidators(model, origin);
  const clientMilliseconds = performance.now() - started;
  const header = `${generatedHeader(origin, "openapi-typescript")}\n`;
  const { types, milliseconds } = await schema;
  const tree = new Map([
    ["index.d.ts", client["index.d.ts"]],
    ["index.js", client["index.js"]],
    ["paths.d.ts", pathClient["paths.d.ts"]],
    ["paths.js", pathClient["paths.js"]],
    ["schema.d.ts", header + types],
    ["validators.js", validators],
  ]);
  return { tree, milliseconds: clientMilliseconds + milliseconds };
}

export interface PackageOptions {
  root: string;
  specsDir: string;
  templatesDir: string;
  info: PackageInfo;
  onVersion?: (result: VersionResult) => void;
  /**
   * Per folder whose inputs did not change, its files as the last run wrote them, taken over
   * instead of emitted again: a version's (`pmm/v3`), or a TEMPLATE_FOLDERS one.
   */
  unchanged?: ReadonlyMap<string, FileTree>;
}

/**
 * Every spec in `specs/` → the whole `generated/` package. Versions are pipelined: while the
 * compiler thread makes one version's schema types, this thread loads and emits the next.
 */
export async function generatePackage(options: PackageOptions): Promise<{ files: FileTree; versions: VersionResult[] }> {
  const entries = await discoverSpecs(options.specsDir);
  const configs = new Map<string, ApiConfig>();
  const models = new Map<string, ApiModel[]>();
  const files: FileTree = new Map();
  const versions: VersionResult[] = [];
  const compiler = sharedCompilerThread();
  // Asked for first: the thread compiles them while this one loads the first spec.
  const templateFolders = TEMPLATE_FOLDERS.map((folder) => {
    const previous = options.unchanged?.get(folder);
    return { folder, compiled: previous ? Promise.resolve(previous) : awaitedLater(compiler.templateFolder(options.templatesDir, folder)) };
  });
  const packageBin = awaitedLater(compiler.packageBin(path.join(options.root, "generator")));
  const emitted: Promise<void>[] = [];
  for (const entry of entries) {
    if (!configs.has(entry.api)) configs.set(entry.api, await readApiConfig(path.join(options.specsDir, entry.api)));
    const origin = path.relative(options.root, entry.file).split(path.sep).join("/");
    const config = configs.get(entry.api)!;
    // The other versions' documents (changelog, migrations) need every model; only the emission is skipped.
    const previous = options.unchanged?.get(`${entry.api}/${entry.version}`);
    const started = performance.now();
    const loaded = previous ? undefined : await loadVersion(compiler, entry.file, config, entry.version);
    const model = loaded?.model ?? (await loadModel(entry.file, config, entry.version));
    const loadMilliseconds = performance.now() - started;
    models.set(entry.api, [...(models.get(entry.api) ?? []), model]);
    const emission = loaded ? emitVersion(loaded, "../../runtime", origin) : Promise.resolve({ tree: previous!, milliseconds: 0 });
    // After the version before it, so that versions are reported in order when some are taken over.
    const done = Promise.all([emission, emitted.at(-1)]).then(([{ tree, milliseconds }]) => {
      for (const [name, content] of tree) files.set(`${entry.api}/${entry.version}/${name}`, content);
      // What pem-pmm-client/testing's fakes serve this version from; standalone clients ship no test kit.
      if (!previous) files.set(`${entry.api}/${entry.version}/fake-model.js`, emitFakeModel(model, origin));
      const operations = model.operations.length;
      const result = { api: entry.api, version: entry.version, operations, milliseconds: loadMilliseconds + milliseconds, unchanged: Boolean(previous) };
      versions.push(result);
      options.onVersion?.(result);
    });
    // Awaited below: a later spec may fail first.
    emitted.push(awaitedLater(done));
  }
  const migrationFiles: string[] = [];
  for (const [api, versionModels] of models) {
    const docs = apiDocs(api, versionModels);
    files.set(`${api}/CHANGELOG.md`, docs.changelog);
    files.set(`${api}/COMPATIBILITY.md`, docs.compatibility);
    for (const { from, to, markdown, json } of docs.migrations) {
      files.set(`${api}/MIGRATION-${from}-${to}.md`, markdown);
      files.set(`${api}/migrations/${from}-${to}.json`, json);
      migrationFiles.push(`${api}/migrations/${from}-${to}.json`);
    }
  }
  files.set("package.json", packageManifest(options.info, entries, migrationFiles));
  files.set("README.md", packageReadme(options.info, entries));
  files.set("LICENSE", packageLicense(options.info));
  for (const { api, version } of entries) {
    for (const module of VERSION_MODULES) files.set(`${api}/${version}/${requireTypes(module)}`, requireTypesText(module));
  }
  // The compiler thread's work last, so that this thread wrote the documents meanwhile.
  for (const { folder, compiled } of templateFolders) {
    for (const [name, content] of await compiled) files.set(`${folder}/${name}`, content);
  }
  // After testing/: a test kit taken over from the last run holds the index of that run's versions.
  const fakeModels = emitFakeModelIndex(entries);
  files.set("testing/models.js", fakeModels.js);
  files.set("testing/models.d.ts", fakeModels.dts);
  for (const [name, content] of await packageBin) files.set(name, content);
  await Promise.all(emitted);
  return { files: sortTree(files), versions };
}

/** One spec file → a standalone client folder (entry files plus its own runtime copy); `document` when it was read already. */
export async function generateStandalone(
  specFile: string,
  config: ApiConfig,
  version: string,
  templatesDir: string,
  document?: Record<string, unknown>,
): Promise<{ files: FileTree; operations: number }> {
  const compiler = sharedCompilerThread();
  // Asked for first: the thread compiles it while this one loads the spec.
  const runtime = awaitedLater(compiler.templateFolder(templatesDir, "runtime"));
  const loaded = await loadVersion(compiler, specFile, config, version, document);
  const { tree: files } = await emitVersion(loaded, "./runtime", specName(specFile));
  for (const [name, content] of await runtime) files.set(`runtime/${name}`, content);
  return { files: sortTree(files), operations: loaded.model.operations.length };
}

/**
 * `promise`, to be awaited later: a failure meanwhile must not count as unhandled, as an earlier
 * step may fail first.
 */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The files sorted by name, each with its invisible characters escaped (generator/printable.ts): a spec's bidi controls reach no file raw. */
function sortTree(files: FileTree): FileTree {
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map(([name, content]) => [name, printableFile(content)]));
}

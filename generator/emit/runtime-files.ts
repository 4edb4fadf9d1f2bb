import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
// Run on the compiler thread (compiler-thread/), which has loaded `typescript` for openapi-typescript.
import ts from "typescript";
import { SpecError } from "../errors.js";

export const JS_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  // The package is ESM; a compile that resolves nothing cannot read its package.json, so say so.
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  isolatedModules: true,
  newLine: ts.NewLineKind.LineFeed,
};
// Each file's declarations follow from that file alone (isolatedDeclarations), so nothing is
// checked or resolved here: `npm test` type-checks templates/ with the rest of the project.
const EMIT_OPTIONS: ts.CompilerOptions = {
  ...JS_OPTIONS,
  declaration: true,
  isolatedDeclarations: true,
  noCheck: true,
  noLib: true,
  noResolve: true,
  types: [],
};

/**
 * Compiled folders by their files' names and source text. Compiling the runtime takes a good
 * part of a second and every client generated in one process (a test run, the reference specs,
 * `--spec` calls) compiles the same one.
 */
const compiledFolders = new Map<string, Map<string, string>>();

/**
 * Compiles a handwritten folder of templates/ (`runtime/**\/*.ts`, or `testing/` for the test kit) to
 * ESM JavaScript and declarations, keyed by path relative to that folder. One program for the
 * folder, emitting both: each file is parsed once, where compiling file by file parsed it twice.
 */
export function emitRuntimeFiles(templatesDir: string, folder = "runtime"): Map<string, string> {
  const rootDir = path.resolve(templatesDir, folder);
  const names = readdirSync(rootDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
  const sources = new Map(names.map((name) => [path.join(rootDir, name), readFileSync(path.join(rootDir, name), "utf8")]));
  const key = JSON.stringify([...sources]);
  const cached = compiledFolders.get(key);
  if (cached) return new Map(cached);
  const compiled = compileFolder(rootDir, sources);
  compiledFolders.set(key, compiled);
  return new Map(compiled);
}

function compileFolder(rootDir: string, sources: Map<string, string>): Map<string, string> {
  // Output paths are only keys here: nothing is written.
  const outDir = path.join(rootDir, ".out");
  const options = { ...EMIT_OPTIONS, rootDir, outDir };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => sources.get(path.resolve(fileName)) ?? readFile(fileName);
  const program = ts.createProgram({ rootNames: [...sources.keys()], options, host });
  const emitted = new Map<string, string>();
  const result = program.emit(undefined, (fileName, text) => emitted.set(path.relative(outDir, fileName).split(path.sep).join("/"), text));
  const problem = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...result.diagnostics][0];
  if (problem) {
    const line = problem.file && problem.start !== undefined ? `:${problem.file.getLineAndCharacterOfPosition(problem.start).line + 1}` : "";
    const where = problem.file ? { file: problem.file.fileName, folder: path.dirname(problem.file.fileName) } : { file: rootDir, folder: rootDir };
    throw new SpecError(
      `${path.relative(process.cwd(), where.file)}${line}`,
      undefined,
      `the runtime does not compile: ${ts.flattenDiagnosticMessageText(problem.messageText, " ")}`,
      `Fix the source in ${path.relative(process.cwd(), where.folder)}/.`,
    );
  }
  // In the order of the sources, each file's JavaScript before its declarations.
  const files = new Map<string, string>();
  for (const fileName of sources.keys()) {
    const base = path.relative(rootDir, fileName).split(path.sep).join("/").replace(/\.ts$/, "");
    for (const name of [`${base}.js`, `${base}.d.ts`]) {
      const text = emitted.get(name);
      if (text === undefined) throw new Error(`compiling ${path.relative(process.cwd(), fileName)} gave no ${name}`);
      files.set(name, text);
    }
  }
  return files;
}

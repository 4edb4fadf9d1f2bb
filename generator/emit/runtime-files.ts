import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
// ts-morph's bundled compiler, which the emitter has loaded already; transpiling is syntax only.
import { ts } from "ts-morph";
import { SpecError } from "../errors.js";

export const JS_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  // The package is ESM; transpiling file by file cannot read its package.json, so say so.
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  isolatedModules: true,
  newLine: ts.NewLineKind.LineFeed,
};
// Each file's declarations follow from that file alone, so no whole-program check is needed
// here (`npm test` type-checks templates/ with the rest of the project).
const DECLARATION_OPTIONS: ts.CompilerOptions = { ...JS_OPTIONS, declaration: true, isolatedDeclarations: true };

interface CompiledFile {
  js: string;
  dts: string;
}

/**
 * Compiled files by name and source text. Compiling the runtime takes seconds and every client
 * generated in one process (a test run, the reference specs, `--spec` calls) compiles the same one.
 */
const compiledRuntime = new Map<string, CompiledFile>();

/**
 * Compiles a handwritten folder of templates/ (`runtime/**\/*.ts`, or `testing/` for the test kit) to
 * ESM JavaScript and declarations, file by file, keyed by path relative to that folder.
 */
export function emitRuntimeFiles(templatesDir: string, folder = "runtime"): Map<string, string> {
  const rootDir = path.resolve(templatesDir, folder);
  const sources = readdirSync(rootDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
  const files = new Map<string, string>();
  for (const name of sources) {
    const fileName = path.join(rootDir, name);
    const { js, dts } = compileRuntimeFile(fileName, readFileSync(fileName, "utf8"));
    const base = name.replace(/\.ts$/, "");
    files.set(`${base}.js`, js);
    files.set(`${base}.d.ts`, dts);
  }
  return files;
}

function compileRuntimeFile(fileName: string, text: string): CompiledFile {
  const key = `${fileName}\0${text}`;
  const cached = compiledRuntime.get(key);
  if (cached) return cached;
  const js = ts.transpileModule(text, { fileName, compilerOptions: JS_OPTIONS, reportDiagnostics: true });
  const dts = ts.transpileDeclaration(text, { fileName, compilerOptions: DECLARATION_OPTIONS, reportDiagnostics: true });
  const problem = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])][0];
  if (problem) {
    const line = problem.file && problem.start !== undefined ? `:${problem.file.getLineAndCharacterOfPosition(problem.start).line + 1}` : "";
    throw new SpecError(
      `${path.relative(process.cwd(), fileName)}${line}`,
      undefined,
      `the runtime does not compile: ${ts.flattenDiagnosticMessageText(problem.messageText, " ")}`,
      `Fix the source in ${path.relative(process.cwd(), path.dirname(fileName))}/.`,
    );
  }
  const compiled = { js: js.outputText, dts: dts.outputText };
  compiledRuntime.set(key, compiled);
  return compiled;
}

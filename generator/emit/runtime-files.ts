import path from "node:path";
import ts from "typescript";
import { SpecError } from "../errors.js";

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.esnext.disposable.d.ts"],
  types: [],
  strict: true,
  declaration: true,
  skipLibCheck: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
};

/**
 * Compiles the handwritten runtime (`templates/runtime/*.ts`) to ESM JavaScript and
 * declarations, keyed by path relative to the runtime folder.
 */
export function emitRuntimeFiles(templatesDir: string): Map<string, string> {
  const rootDir = path.resolve(templatesDir, "runtime");
  const host = ts.createCompilerHost({ ...COMPILER_OPTIONS, rootDir, outDir: rootDir });
  const files = new Map<string, string>();
  host.writeFile = (fileName, text) => files.set(path.relative(rootDir, fileName).split(path.sep).join("/"), text);
  const program = ts.createProgram([path.join(rootDir, "index.ts")], { ...COMPILER_OPTIONS, rootDir, outDir: rootDir }, host);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  const first = diagnostics[0];
  if (first) {
    const where = first.file ? `${path.relative(process.cwd(), first.file.fileName)}` : templatesDir;
    throw new SpecError(where, undefined, `the runtime does not compile: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`, "Fix the runtime source in templates/runtime/.");
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

import path from "node:path";
import ts from "typescript";

/**
 * Parsed files by name, parse settings and text, shared by every program in this process: the
 * same generated .d.ts files and TypeScript's libraries are checked again and again, and parsing
 * them is a good part of each check. A file whose text changed is parsed again.
 */
const parsed = new Map<string, ts.SourceFile>();

/**
 * What shapes a parsed file beyond what the host passes it: whether a file is a module (module
 * detection, from `module` unless set, and JSX). `module` and `moduleResolution` themselves do
 * not, so node16 and nodenext share parsed files, as do esnext and preserve.
 */
function parseSettings(options: ts.CompilerOptions): string {
  const module = options.module ?? ts.ModuleKind.CommonJS;
  const nodeModule = module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext;
  const detection = options.moduleDetection ?? (nodeModule ? ts.ModuleDetectionKind.Force : ts.ModuleDetectionKind.Auto);
  return JSON.stringify([options.target, detection, nodeModule, options.jsx, options.allowJs]);
}

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  const settings = parseSettings(options);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const text = host.readFile(fileName);
    if (text === undefined) return parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}\0${settings}\0${text}`;
    let file = parsed.get(key);
    if (!file) {
      file = ts.createSourceFile(fileName, text, languageVersionOrOptions);
      parsed.set(key, file);
    }
    return file;
  };
  return host;
}

/**
 * Type-checks files with the real compiler in strict mode; returns readable diagnostics.
 * TypeScript's own lib files are not checked (they are not ours); everything else is, including
 * the generated .d.ts files and the packages they import.
 */
export function typeCheck(files: string[], options: ts.CompilerOptions = {}): string[] {
  return diagnose(files, options).map(readable);
}

/**
 * Type-checks groups of files that share compiler settings as one program, so that the
 * declarations they import are checked once rather than once per group. Each group gets the
 * diagnostics of its own files and of every file that no group holds (the package's declarations
 * they share), so a group's result holds at least what a program of its own would report.
 */
export function typeCheckGroups<Name extends string>(groups: Record<Name, string[]>, options: ts.CompilerOptions = {}): Record<Name, string[]> {
  const entries = Object.entries<string[]>(groups).map(([name, files]) => [name, new Set(files.map((f) => path.resolve(f)))] as const);
  const diagnostics = diagnose(
    entries.flatMap(([, files]) => [...files]),
    options,
  );
  const owner = (d: ts.Diagnostic) => entries.find(([, files]) => d.file && files.has(path.resolve(d.file.fileName)))?.[0];
  return Object.fromEntries(entries.map(([name]) => [name, diagnostics.filter((d) => [name, undefined].includes(owner(d))).map(readable)])) as Record<
    Name,
    string[]
  >;
}

function diagnose(files: string[], options: ts.CompilerOptions): readonly ts.Diagnostic[] {
  const compilerOptions: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    // No esnext.disposable: the package must type-check for consumers on plain ES2022.
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: [],
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    ...options,
  };
  const program = ts.createProgram(files, compilerOptions, cachingHost(compilerOptions));
  return ts.getPreEmitDiagnostics(program);
}

function readable(d: ts.Diagnostic): string {
  const where = d.file ? `${path.relative(process.cwd(), d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
  return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
}

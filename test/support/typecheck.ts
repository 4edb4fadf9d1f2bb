import path from "node:path";
import ts from "typescript";

/**
 * Parsed files by name, parse settings and text, shared by every program in this process: the
 * same generated .d.ts files and TypeScript's libraries are checked again and again, and parsing
 * them is a good part of each check. A file whose text changed is parsed again.
 */
const parsed = new Map<string, ts.SourceFile>();

/** The options that shape a parsed file beyond what the host passes it (module detection, JSX). */
const PARSE_OPTIONS = ["target", "module", "moduleResolution", "moduleDetection", "jsx", "allowJs"] as const;

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  const settings = JSON.stringify(PARSE_OPTIONS.map((name) => options[name]));
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
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(process.cwd(), d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

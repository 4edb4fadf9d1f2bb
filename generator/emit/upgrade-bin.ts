import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { SpecError } from "../errors.js";
import { JS_OPTIONS } from "./runtime-files.js";

/** The generator's modules the package's `pem-pmm-client` commands run on, relative to generator/. */
const SOURCES = [
  "cli/credential-flags.ts",
  "cli/package-bin.ts",
  "cli/project-paths.ts",
  "load/login-kinds.ts",
  "cli/run-cli.ts",
  "drift/check-command.ts",
  "drift/server-check.ts",
  "errors.ts",
  "normalize/identifiers.ts",
  "normalize/public-names.ts",
  "printable.ts",
  "upgrade/format-report.ts",
  "upgrade/rewrite-input.ts",
  "upgrade/text-edits.ts",
  "upgrade/upgrade-command.ts",
  "upgrade/upgrade-project.ts",
];

/** Where templates/runtime/ is in the package: its compiled runtime/, beside bin/. */
const RUNTIME_SOURCE = "templates/runtime/";
const RUNTIME_IN_PACKAGE = "runtime/";

/**
 * `bin/pem-pmm-client.js` and the modules behind it, compiled file by file from generator/ into
 * `bin/lib/` (same layout, so relative imports hold; an import of templates/runtime/ is pointed
 * at the package's runtime/). ts-morph stays the user's to install.
 */
export function emitUpgradeBin(generatorDir: string): Map<string, string> {
  const files = new Map<string, string>([
    [
      "bin/pem-pmm-client.js",
      '#!/usr/bin/env node\nimport { main } from "./lib/cli/package-bin.js";\nimport { runAsProcess } from "./lib/cli/run-cli.js";\n\nrunAsProcess(main);\n',
    ],
  ]);
  for (const source of SOURCES) {
    const fileName = path.join(generatorDir, source);
    const { outputText } = ts.transpileModule(readFileSync(fileName, "utf8"), { fileName, compilerOptions: JS_OPTIONS });
    files.set(`bin/lib/${source.replace(/\.ts$/, ".js")}`, toPackageRuntime(source, outputText));
  }
  // A module that starts importing another generator module would break the installed command.
  for (const [name, text] of files) {
    for (const [, specifier] of text.matchAll(/(?:from |import\()"(\.\.?\/[^"]+)"/g)) {
      const target = path.posix.join(path.posix.dirname(name), specifier!);
      const shippedRuntime =
        target.startsWith(RUNTIME_IN_PACKAGE) &&
        existsSync(path.join(generatorDir, "..", RUNTIME_SOURCE, target.slice(RUNTIME_IN_PACKAGE.length).replace(/\.js$/, ".ts")));
      if (!files.has(target) && !shippedRuntime)
        throw new SpecError(
          name,
          undefined,
          `imports ${specifier}, which the package's bin does not ship.`,
          "Add it to SOURCES in generator/emit/upgrade-bin.ts.",
        );
    }
  }
  return files;
}

/** A compiled module's imports of templates/runtime/ (from generator/<source>), pointed at the package's runtime/ (from bin/lib/<source>). */
function toPackageRuntime(source: string, text: string): string {
  const folder = path.posix.dirname(source);
  return text.replace(/((?:from |import\()")(\.\.?\/[^"]+)"/g, (whole, lead: string, specifier: string) => {
    const target = path.posix.join("generator", folder, specifier);
    if (!target.startsWith(RUNTIME_SOURCE)) return whole;
    const relative = path.posix.relative(path.posix.join("bin/lib", folder), RUNTIME_IN_PACKAGE + target.slice(RUNTIME_SOURCE.length));
    return `${lead}${relative}"`;
  });
}

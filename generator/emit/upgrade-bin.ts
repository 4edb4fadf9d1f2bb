import { readFileSync } from "node:fs";
import path from "node:path";
import { ts } from "ts-morph";
import { SpecError } from "../errors.js";
import { JS_OPTIONS } from "./runtime-files.js";

/** The generator's modules the package's `pem-pmm-client upgrade` runs on, relative to generator/. */
const SOURCES = [
  "cli/package-bin.ts",
  "cli/project-paths.ts",
  "load/login-kinds.ts",
  "cli/run-cli.ts",
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

/**
 * `bin/pem-pmm-client.js` and the modules behind it, compiled file by file from generator/ into
 * `bin/lib/` (same layout, so relative imports hold). ts-morph stays the user's to install.
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
    files.set(`bin/lib/${source.replace(/\.ts$/, ".js")}`, outputText);
  }
  // A module that starts importing another generator module would break the installed command.
  for (const [name, text] of files) {
    for (const [, specifier] of text.matchAll(/(?:from |import\()"(\.\.?\/[^"]+)"/g)) {
      const target = path.posix.join(path.posix.dirname(name), specifier!);
      if (!files.has(target))
        throw new SpecError(
          name,
          undefined,
          `imports ${specifier}, which the package's upgrade command does not ship.`,
          "Add it to SOURCES in generator/emit/upgrade-bin.ts.",
        );
    }
  }
  return files;
}

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emitRuntimeFiles } from "../../generator/emit/runtime-files.js";
import { SpecError } from "../../generator/errors.js";
import { projectTempDir } from "../support/paths.js";

/** A templates folder whose `runtime/` holds `files` (path relative to it → source). */
async function templatesWith(files: Record<string, string>): Promise<string> {
  const templates = await projectTempDir("runtime-files");
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(templates, "runtime", name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return templates;
}

const lines = (...text: string[]) => `${text.join("\n")}\n`;

const cases: [title: string, { given: Record<string, string>; want: Record<string, string> }][] = [
  [
    "a source file gives ESM JavaScript and its declarations, its doc comments kept",
    {
      given: {
        "index.ts": lines(
          "export interface Options {",
          "  retries?: number;",
          "}",
          "",
          "/** Doubles. */",
          "export function double(value: number): number {",
          "  return value * 2;",
          "}",
        ),
      },
      want: {
        "index.js": lines("/** Doubles. */", "export function double(value) {", "    return value * 2;", "}"),
        "index.d.ts": lines(
          "export interface Options {",
          "    retries?: number;",
          "}",
          "/** Doubles. */",
          "export declare function double(value: number): number;",
        ),
      },
    },
  ],
  [
    "files in subfolders keep their path, with `/`; type-only imports leave the JavaScript",
    {
      given: {
        "auth/header.ts": lines(
          'import type { Options } from "../index.js";',
          'export const header = (options: Options): string => "x" + String(options.retries ?? 0);',
        ),
      },
      want: {
        "auth/header.js": lines('export const header = (options) => "x" + String(options.retries ?? 0);'),
        "auth/header.d.ts": lines('import type { Options } from "../index.js";', "export declare const header: (options: Options) => string;"),
      },
    },
  ],
  [
    "declaration files and other files are not compiled",
    {
      given: { "types.d.ts": "export declare const x: 1;\n", "README.md": "# runtime\n", "a.ts": "export const a = 1;\n" },
      want: { "a.js": "export const a = 1;\n", "a.d.ts": "export declare const a = 1;\n" },
    },
  ],
];

describe("emitRuntimeFiles", () => {
  for (const [title, { given, want }] of cases) {
    it(title, async () => {
      expect(Object.fromEntries(emitRuntimeFiles(await templatesWith(given)))).toEqual(want);
    });
  }

  it("names the file and line of source that does not compile on its own", async () => {
    const templates = await templatesWith({
      "ok.ts": "export const a = 1;\n",
      "bad.ts": lines("", "export function bad(value: number) {", "  return value;", "}"),
    });
    expect(() => emitRuntimeFiles(templates)).toThrow(SpecError);
    expect(() => emitRuntimeFiles(templates)).toThrow(
      `${path.join("runtime", "bad.ts")}:2: the runtime does not compile: Function must have an explicit return type annotation with --isolatedDeclarations.`,
    );
  });
});

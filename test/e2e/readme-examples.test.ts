import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GENERATED_DIR, projectTempDir, ROOT } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";
import { typeCheck } from "../support/typecheck.js";

/** The README's TypeScript programs (blocks that start with an import) type-check against generated/. */
const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
const shown = [...readme.matchAll(/```ts\n(import [\s\S]*?)```/g)].map((m) => m[1]!);
// The README says the PEM v10 programs work unchanged on v9: they are checked against both.
const programs = [
  ...shown,
  ...shown.filter((p) => p.includes('"pem-pmm-client/pem/v10"')).map((p) => p.replace(/"pem-pmm-client\/pem\/v10(?=["/])/g, '"pem-pmm-client/pem/v9')),
];
/** The package's own map of what each import specifier loads: `pem/v10/paths` → `./pem/v10/paths.js`. */
const exportsMap = JSON.parse(await readFile(path.join(GENERATED_DIR, "package.json"), "utf8")).exports as Record<string, { default: string }>;

describe("README examples", () => {
  it("exist for PEM and PMM", () => {
    expect(programs.some((p) => p.includes("pem-pmm-client/pem/"))).toBe(true);
    expect(programs.some((p) => p.includes("pmm-client/pmm/"))).toBe(true);
  });

  // One compiler program for all of them (one program each costs seconds); each test reads its own file's diagnostics.
  let diagnostics: string[];
  const fileOf = (index: number) => `example-${index}.ts`;
  beforeAll(async () => {
    const dir = await projectTempDir("readme");
    const files = await Promise.all(
      programs.map(async (program, index) => {
        const file = path.join(dir, fileOf(index));
        const source = program.replace(/"pem-pmm-client\/([^"]+)"/g, (_m, entry: string) => {
          const target = exportsMap[`./${entry}`]?.default;
          if (!target) throw new Error(`README imports pem-pmm-client/${entry}, which the package does not export`);
          return JSON.stringify(path.posix.join(path.relative(dir, GENERATED_DIR), target));
        });
        await writeFile(file, `${source}\nexport {};\n`);
        return file;
      }),
    );
    // The programs only: the package's own declarations are checked with skipLibCheck off in shipped-clients.test.ts.
    diagnostics = typeCheck(files, { types: ["node"], typeRoots: [path.join(ROOT, "node_modules/@types")], noUnusedLocals: false, skipLibCheck: true });
  });

  it.each(programs.map((_, i) => i))("program %i type-checks strictly", (index) => {
    expect(diagnostics.filter((line) => line.includes(fileOf(index)))).toEqual([]);
  });

  it("leaves no diagnostic outside the programs", () => {
    expect(diagnostics.filter((line) => !programs.some((_, index) => line.includes(fileOf(index))))).toEqual([]);
  });
});

describe("README diff example", () => {
  it("is the real output of npm run diff -- pem v9 v10", async () => {
    const shown = /The real PEM v9 → v10 comparison:\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    const result = await runCli("diff", ["pem", "v9", "v10", "--format", "text"]);
    expect(result.code).toBe(0);
    expect(shown).toBe(result.stdout);
  });
});

describe("README requirements", () => {
  it("name the Node.js versions that package.json and the generated package's engines say", async () => {
    const engines = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")).engines.node as string;
    const generated = JSON.parse(await readFile(path.join(GENERATED_DIR, "package.json"), "utf8")).engines.node as string;
    expect(generated).toBe(engines);
    const minimum = /^>=(\d+\.\d+)$/.exec(engines)?.[1];
    expect(minimum, `engines.node is "${engines}"; this test reads only ">=X.Y"`).toBeDefined();
    expect(readme).toContain(`Node.js ${minimum} or newer`);
  });
});

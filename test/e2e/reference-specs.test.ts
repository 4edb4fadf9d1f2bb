import { readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readApiConfig } from "../../generator/load/api-config.js";
import { generateStandalone } from "../../generator/pipeline.js";
import { listFiles, writeTreeAtomically } from "../../generator/write/file-tree.js";
import { REFERENCE_DIR, SPECS_DIR, TEMPLATES_DIR, hasReference, projectTempDir } from "../support/paths.js";
import { documentOperations } from "../support/operation-keys.js";
import { runCli } from "../support/run-cli.js";
import { typeCheck } from "../support/typecheck.js";

/**
 * Every real document in ../shared/reference becomes a client that type-checks strictly.
 * PMM 2.0, 2.30 and 3.1 are not in specs/: they go through the CLI as a user's would.
 */
const specs = hasReference
  ? ["pem", "pmm"].flatMap((api) => readdirSync(path.join(REFERENCE_DIR, api)).filter((f) => f.endsWith(".json")).map((file) => ({ api, file }))).sort((a, b) => (a.file < b.file ? -1 : 1))
  : [];
const throughCli = new Set(["pmm-2.0.swagger.json", "pmm-3.1.swagger.json"]);

describe.skipIf(!hasReference)("reference specs", () => {
  let root: string;
  const outputs: { file: string; dir: string; operations: number }[] = [];

  beforeAll(async () => {
    root = await projectTempDir("reference");
    for (const { api, file } of specs) {
      const dir = path.join(root, file.replace(/\.swagger\.json$/, ""));
      const version = file.replace(/^\w+-/, "").replace(/\.swagger\.json$/, "").replaceAll(".", "-");
      if (throughCli.has(file)) {
        const result = await runCli("generate", ["--spec", path.join(REFERENCE_DIR, api, file), "--api", api, "--version", `v${version}`, "--out", dir]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        outputs.push({ file, dir, operations: Number(/(\d+) operations/.exec(result.stdout)?.[1]) });
      } else {
        const { files, operations } = await generateStandalone(path.join(REFERENCE_DIR, api, file), await readApiConfig(path.join(SPECS_DIR, api)), version, TEMPLATES_DIR);
        await writeTreeAtomically(dir, files);
        outputs.push({ file, dir, operations });
      }
    }
  });

  it("generates a client with every operation of every document", async () => {
    const expected: Record<string, number> = {};
    for (const { api, file } of specs) expected[file] = (await documentOperations(path.join(REFERENCE_DIR, api, file))).length;
    expect(Object.fromEntries(outputs.map((o) => [o.file, o.operations]))).toEqual(expected);
    for (const { dir } of outputs) expect(await listFiles(dir)).toEqual(expect.arrayContaining(["index.d.ts", "index.js", "schema.d.ts"]));
  });

  it("emits validators for every document that load and check an answer", async () => {
    for (const { file, dir } of outputs) {
      const { responses } = await import(pathToFileURL(path.join(dir, "validators.js")).href);
      const checks = Object.values<Record<string, (body: unknown, problems: unknown[]) => void>>(responses);
      expect(checks.length, file).toBeGreaterThan(0);
      // Each check runs to its end on a body of the wrong shape, whatever its schema.
      for (const byStatus of checks) for (const check of Object.values(byStatus)) check(Symbol.for("not JSON"), []);
    }
  });

  it("type-checks every generated client strictly", async () => {
    const consumer = path.join(root, "all.ts");
    await writeFile(consumer, outputs.map((o, i) => `import { createClient as c${i} } from "./${path.basename(o.dir)}/index.js";\nexport const client${i} = c${i}({ baseUrl: "https://example.com" });\n`).join(""));
    expect(typeCheck([consumer])).toEqual([]);
  });
});

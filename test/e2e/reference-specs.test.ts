import { readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readSources, resolveRecordedLocation } from "../../generator/importer/sources-record.js";
import { readApiConfig } from "../../generator/load/api-config.js";
import { loadModel } from "../../generator/pipeline.js";
import { listFiles } from "../../generator/write/file-tree.js";
import { documentOperations } from "../support/operation-keys.js";
import { hasReference, NEEDS_REFERENCE, projectTempDir, REFERENCE_DIR, ROOT, SPECS_DIR } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";
import { typeCheck } from "../support/typecheck.js";

/**
 * Every real document in ../shared/reference becomes a client with every one of its operations.
 * The shipped ones are already proven end to end (specs:import reproduces their spec in
 * import-specs.test.ts, generated/ is what that spec produces in generate-cli.test.ts, and
 * shipped-clients.test.ts type-checks it), so here their operations are counted in the shipped
 * model. The others (PMM 2.0, 2.30, 3.1) go through the CLI as a user's would.
 */
const documents = hasReference
  ? ["pem", "pmm"].flatMap((api) =>
      readdirSync(path.join(REFERENCE_DIR, api))
        .filter((f) => f.endsWith(".json"))
        .map((file) => ({ api, file: path.join(REFERENCE_DIR, api, file) })),
    )
  : [];
const shipped = new Map((await readSources(SPECS_DIR)).map((record) => [resolveRecordedLocation(ROOT, record.source), record]));
const unshipped = documents.filter(({ file }) => !shipped.has(file));

describe.skipIf(!hasReference)(`reference specs (${NEEDS_REFERENCE})`, () => {
  it("are each shipped with every operation, or generated from the command line", async () => {
    expect(unshipped.length).toBeGreaterThan(0);
    for (const { api, file } of documents.filter(({ file }) => shipped.has(file))) {
      const { version } = shipped.get(file)!;
      const model = await loadModel(path.join(SPECS_DIR, api, `${version}.yaml`), await readApiConfig(path.join(SPECS_DIR, api)), version);
      expect(model.operations.length, file).toBe((await documentOperations(file)).length);
    }
  });

  describe("not shipped", () => {
    let root: string;
    const outputs: { file: string; dir: string; operations: number }[] = [];

    beforeAll(async () => {
      root = await projectTempDir("reference");
      for (const { api, file } of unshipped) {
        const name = path.basename(file, ".swagger.json");
        const dir = path.join(root, name);
        const version = `v${name.replace(/^\w+-/, "").replaceAll(".", "-")}`;
        const result = await runCli("generate", ["--spec", file, "--api", api, "--version", version, "--out", dir]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        outputs.push({ file, dir, operations: Number(/(\d+) operations/.exec(result.stdout)?.[1]) });
      }
    });

    it("generate a client with every operation of every document", async () => {
      for (const { file, dir, operations } of outputs) {
        expect(operations, file).toBe((await documentOperations(file)).length);
        expect(await listFiles(dir)).toEqual(expect.arrayContaining(["index.d.ts", "index.js", "schema.d.ts", "validators.js"]));
      }
    });

    it("emit validators that load and check an answer", async () => {
      for (const { file, dir } of outputs) {
        const { responses } = await import(pathToFileURL(path.join(dir, "validators.js")).href);
        const checks = Object.values<Record<string, (body: unknown, problems: unknown[]) => void>>(responses);
        expect(checks.length, file).toBeGreaterThan(0);
        // Each check runs to its end on a body of the wrong shape, whatever its schema.
        for (const byStatus of checks) for (const check of Object.values(byStatus)) check(Symbol.for("not JSON"), []);
      }
    });

    it("type-check strictly", async () => {
      const consumer = path.join(root, "all.ts");
      await writeFile(
        consumer,
        outputs
          .map(
            (o, i) =>
              `import { createClient as c${i} } from "./${path.basename(o.dir)}/index.js";\nexport const client${i} = c${i}({ baseUrl: "https://example.com" });\n`,
          )
          .join(""),
      );
      expect(typeCheck([consumer])).toEqual([]);
    });
  });
});

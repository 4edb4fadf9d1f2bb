import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSpec } from "../../generator/importer/import-spec.js";
import { REFERENCE_DIR, SPECS_DIR, hasReference } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

/** specs/ holds exactly what the importer makes of the reference documents. */
const shipped: [string, string, string][] = [
  ["pem/pem-token.swagger.json", "pem", "token"],
  ["pem/pem-v9.swagger.json", "pem", "v9"],
  ["pem/pem-v10.swagger.json", "pem", "v10"],
  ["pem/pem-v17.swagger.json", "pem", "v17"],
  ["pmm/pmm-2.44.swagger.json", "pmm", "v2"],
  ["pmm/pmm-3.8.swagger.json", "pmm", "v3"],
];

describe("specs:import", () => {
  it.skipIf(!hasReference).each(shipped)("reproduces specs/%s byte for byte, every time", async (reference, api, version) => {
    const source = path.join(REFERENCE_DIR, reference);
    const first = await importSpec(source, { api, version, keepDocs: false });
    expect(await importSpec(source, { api, version, keepDocs: false })).toBe(first);
    expect(first).toBe(await readFile(path.join(SPECS_DIR, api, `${version}.yaml`), "utf8"));
  });

  it.skipIf(!hasReference)("keeps the prose with --keep-docs", async () => {
    const text = await importSpec(path.join(REFERENCE_DIR, "pmm/pmm-3.8.swagger.json"), { api: "pmm", version: "v3", keepDocs: true });
    expect(text).toContain("description: Returns a list of all Nodes.");
  });

  it("rejects an invalid document with its JSON pointer and exit code 1", async () => {
    const result = await runCli("import", [path.join(import.meta.dirname, "../fixtures/invalid-spec.yaml"), "--api", "scratch", "--version", "v1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/invalid-spec\.yaml at \/paths\/~1nodes\/get\/parameters\/0\/in: /);
  });

  it("requires --api and --version (exit 2)", async () => {
    const result = await runCli("import", ["x.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--api <name> is required/);
  });
});

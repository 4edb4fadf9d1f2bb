import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSpec } from "../../generator/importer/import-spec.js";
import { readSources, resolveRecordedLocation, type SourceRecord } from "../../generator/importer/sources-record.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { isUrl } from "../../generator/load/download.js";
import { hasReference, NEEDS_REFERENCE, projectTempDir, REFERENCE_DIR, ROOT, SPECS_DIR } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

/** specs/sources.yaml: what each shipped spec was imported from, and how. */
const records = await readSources(SPECS_DIR);

/** Why a record's source cannot be imported again here, if it cannot. */
function missingSource(record: SourceRecord): string | undefined {
  if (isUrl(record.source)) return `needs the network: ${record.source}`;
  return existsSync(resolveRecordedLocation(ROOT, record.source)) ? undefined : `needs ${record.source}`;
}

describe("specs/sources.yaml", () => {
  it("records a source for every spec in specs/, and no other", async () => {
    const specs = (await discoverSpecs(SPECS_DIR)).map((s) => `${s.api}/${s.version}`);
    const recorded = records.map((r) => `${r.api}/${r.version}`);
    const unrecorded = specs.filter((s) => !recorded.includes(s)).map((s) => `specs/${s}.yaml has no recorded source: import it with \`npm run specs:import\``);
    const orphaned = recorded.filter((r) => !specs.includes(r)).map((r) => `specs/sources.yaml records ${r}, which specs/ does not hold`);
    expect([...unrecorded, ...orphaned]).toEqual([]);
  });

  describe.each(records.map((record) => [`${record.api}/${record.version}`, record, missingSource(record)] as const))("specs/%s", (_name, record, missing) => {
    it.skipIf(missing !== undefined)(
      `is what the importer makes of its recorded source, byte for byte, every time${missing ? ` (${missing})` : ""}`,
      async () => {
        const source = resolveRecordedLocation(ROOT, record.source);
        const options = { api: record.api, version: record.version, keepDocs: record.keepDocs, allowExternalRefs: record.allowExternalRefs };
        const first = await importSpec(source, options);
        expect(first.sourceSha256, `${record.source} changed since it was imported: import it again with \`npm run specs:import\``).toBe(record.sha256);
        expect((await importSpec(source, options)).text).toBe(first.text);
        expect(first.text).toBe(await readFile(path.join(SPECS_DIR, record.api, `${record.version}.yaml`), "utf8"));
      },
    );
  });
});

describe("specs:import", () => {
  it.skipIf(!hasReference)(`keeps the prose with --keep-docs (${NEEDS_REFERENCE})`, async () => {
    const { text } = await importSpec(path.join(REFERENCE_DIR, "pmm/pmm-3.8.swagger.json"), { api: "pmm", version: "v3", keepDocs: true });
    expect(text).toContain("description: Returns a list of all Nodes.");
  });

  it("records each import in specs/sources.yaml, sorted, replacing a version's earlier entry", async () => {
    const root = await projectTempDir("import");
    const specsDir = path.join(root, "specs");
    const fixture = path.join(import.meta.dirname, "../fixtures/swagger2-edge-cases.yaml");
    const importAs = (version: string, ...flags: string[]) => runCli("import", [fixture, "--api", "edge", "--version", version, ...flags], { cwd: root, root });
    expect((await importAs("v10")).code).toBe(0);
    expect((await importAs("v9", "--keep-docs")).code).toBe(0);
    expect((await importAs("v10")).code).toBe(0);
    const sha256 = createHash("sha256")
      .update(await readFile(fixture))
      .digest("hex");
    // As a user would write it: relative to the project root, with forward slashes.
    const source = path.relative(root, fixture).split(path.sep).join("/");
    const entry = (version: string, keepDocs: boolean) => ({
      api: "edge",
      version,
      source,
      sha256,
      keepDocs,
      allowExternalRefs: false,
    });
    expect(await readSources(specsDir)).toEqual([entry("v9", true), entry("v10", false)]);
    const v9Entry = `- api: edge\n  version: v9\n  source: ${source}\n  sha256: ${sha256}\n  keepDocs: true\n  allowExternalRefs: false\n`;
    const text = await readFile(path.join(specsDir, "sources.yaml"), "utf8");
    expect(text).toMatch(/^# .*\n(?:#.*\n)*\n- api: edge\n/);
    expect(text).toContain(`\n${v9Entry}- api: edge\n  version: v10\n`);
  });

  it("stops before specs/ changes when specs/sources.yaml is damaged", async () => {
    const root = await projectTempDir("import");
    await mkdir(path.join(root, "specs"));
    await writeFile(path.join(root, "specs/sources.yaml"), "- api: edge\n  version: 1\n");
    const result = await runCli("import", [path.join(import.meta.dirname, "../fixtures/swagger2-edge-cases.yaml"), "--api", "edge", "--version", "v1"], {
      root,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sources\.yaml at \/0\/version: is not a string\. Restore the file from git, or import the spec again/);
    expect(existsSync(path.join(root, "specs/edge"))).toBe(false);
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

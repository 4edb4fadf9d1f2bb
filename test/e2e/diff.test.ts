import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiDocs } from "../../generator/diff/api-docs.js";
import type { Change } from "../../generator/diff/change.js";
import { CHECKS } from "../../generator/diff/checks/index.js";
import { compareApis } from "../../generator/diff/compare.js";
import { formatCheckTable } from "../../generator/diff/format/check-list.js";
import { followPointer, unescapePointerToken } from "../../generator/json-pointer.js";
import { readApiConfig } from "../../generator/load/api-config.js";
import { readDocument } from "../../generator/load/read-document.js";
import type { ApiModel } from "../../generator/normalize/build-model.js";
import { loadModel } from "../../generator/pipeline.js";
import { documentOperations, operationKey } from "../support/operation-keys.js";
import { hasReference, NEEDS_REFERENCE, projectTempDir, REFERENCE_DIR, SPECS_DIR } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

/**
 * The reference documents (1–2 MB of Swagger each) are loaded once for all the cases that read
 * them, and each pair compared once: the tests only read the results, and compareApis leaves the
 * models as they are.
 */
const once = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key)!;
};
const models = new Map<string, Promise<ApiModel>>();
const comparisons = new Map<string, Promise<ReturnType<typeof compareApis>>>();
const operationCounts = new Map<string, Promise<Map<string, number>>>();

/** A reference document's model, labelled with its file's name (`pmm-3.1`). */
const referenceModel = (api: string, file: string) =>
  once(models, file, async () =>
    loadModel(path.join(REFERENCE_DIR, file), await readApiConfig(path.join(SPECS_DIR, api)), path.basename(file, ".swagger.json")),
  );

function compareReference(api: string, oldFile: string, newFile: string) {
  return once(comparisons, `${oldFile} ${newFile}`, async () => compareApis(await referenceModel(api, oldFile), await referenceModel(api, newFile)));
}

/** A document's operations counted per path shape, so that two paths of one shape in a version are two operations. */
const countOperations = (file: string) =>
  once(operationCounts, file, async () => {
    const counts = new Map<string, number>();
    for (const op of await documentOperations(file)) counts.set(operationKey(op), (counts.get(operationKey(op)) ?? 0) + 1);
    return counts;
  });

describe.skipIf(!hasReference)(`real API versions (${NEEDS_REFERENCE})`, () => {
  it.each([
    ["pem", "pem/pem-v9.swagger.json", "pem/pem-v10.swagger.json"],
    ["pem", "pem/pem-v10.swagger.json", "pem/pem-v17.swagger.json"],
    ["pmm", "pmm/pmm-2.44.swagger.json", "pmm/pmm-3.1.swagger.json"],
    ["pmm", "pmm/pmm-3.1.swagger.json", "pmm/pmm-3.8.swagger.json"],
  ])("%s %s → %s: operation counts equal a direct comparison of the documents", async (api, oldFile, newFile) => {
    const comparison = await compareReference(api, oldFile, newFile);
    const [oldCounts, newCounts] = [await countOperations(path.join(REFERENCE_DIR, oldFile)), await countOperations(path.join(REFERENCE_DIR, newFile))];
    const shapes = new Set([...oldCounts.keys(), ...newCounts.keys()]);
    const sum = (f: (o: number, n: number) => number) => [...shapes].reduce((total, k) => total + f(oldCounts.get(k) ?? 0, newCounts.get(k) ?? 0), 0);
    expect(comparison.diff.added.length).toBe(sum((o, n) => Math.max(0, n - o)));
    expect(comparison.diff.removed.length).toBe(sum((o, n) => Math.max(0, o - n)));
    expect(comparison.diff.matched.length).toBe(sum((o, n) => Math.min(o, n)));
    // The summary counts a removed operation another took over as moved, not removed.
    expect(comparison.summary.removed + comparison.summary.moved).toBe(comparison.diff.removed.length);
  });

  it("PEM v9 → v10 adds the five Agent Job operations and removes nothing", async () => {
    const comparison = await compareReference("pem", "pem/pem-v9.swagger.json", "pem/pem-v10.swagger.json");
    expect(comparison.summary).toMatchObject({ added: 5, removed: 0, breaking: 0 });
    expect(
      comparison.changes
        .filter((c) => c.check === "operation-added")
        .map((c) => c.operation)
        .every((o) => o?.includes("/agent/job/")),
    ).toBe(true);
  });

  it("PMM 2.44 → 3.1: the RPC-style API was rewritten, so most operations moved to a successor", async () => {
    const comparison = await compareReference("pmm", "pmm/pmm-2.44.swagger.json", "pmm/pmm-3.1.swagger.json");
    expect(comparison.diff.removed.length).toBeGreaterThan(100);
    expect(comparison.summary.moved).toBeGreaterThan(100);
    expect(comparison.changes.find((c) => c.operation === "POST /v1/inventory/Nodes/List")).toMatchObject({
      level: "breaking",
      check: "operation-moved",
      typescript: ["nodes.listNodes() → nodes.listNodes()"],
    });
  });
});

describe("npm run diff", () => {
  it("compares two shipped versions as Markdown", async () => {
    const result = await runCli("diff", ["pem", "v9", "v10", "--format", "md"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# pem v9 → v10\n\n5 operations added, 0 removed, 0 changed; 0 breaking changes/);
    expect(result.stdout).toContain("| `GET /agent/job/{agent_id}` | operation added | `agent.getJob()`");
  });

  it("compares two spec files as JSON, writes --out, and --fail-on breaking exits 1", async () => {
    const out = path.join(await projectTempDir("diff"), "report.json");
    const result = await runCli("diff", [path.join(SPECS_DIR, "pmm/v2.yaml"), path.join(SPECS_DIR, "pmm/v3.yaml"), "--out", out, "--fail-on", "breaking"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--fail-on breaking: \d+ changes at that level or worse/);
    const report = JSON.parse(await readFile(out, "utf8"));
    expect(report.summary.removed + report.summary.moved).toBe(123 - (report.summary.changed - report.summary.moved) - report.summary.unchanged);
    expect(report.successors.find((s: { old: string }) => s.old === "POST /v1/inventory/Nodes/List")).toMatchObject({
      new: "GET /v1/inventory/nodes",
      kind: "moved",
      newCall: "pmm.nodes.listNodes({ query: { node_type } })",
    });
    expect(report.changes[0]).toMatchObject({ level: "breaking", compiles: false });
    const markdown = await runCli("diff", [path.join(SPECS_DIR, "pmm/v2.yaml"), path.join(SPECS_DIR, "pmm/v3.yaml"), "--format", "md"]);
    expect(markdown.stdout).toContain("| Operation | Change | TypeScript | Old code compiles |");
    expect(markdown.stdout).toMatch(
      /\| `POST \/v1\/inventory\/Nodes\/List` \| moved to GET \/v1\/inventory\/nodes \(confidence 0\.\d+\): body\.node_type → query\.node_type; .* \| \*\*no\*\* \|\n/,
    );
    expect(markdown.stdout).toMatch(/\| `POST \/v1\/AWSInstanceCheck` \| operation removed: calls to it fail \| .* \| \*\*no\*\* \|\n/);
  });

  it("reads a downloaded spec with the settings of the shipped one it is compared with", async () => {
    const downloads = await projectTempDir("downloads");
    for (const [api, version] of [
      ["pmm", "v3"],
      ["pem", "v10"],
    ] as const) {
      const downloaded = path.join(downloads, `${api}-from-server.yaml`);
      await copyFile(path.join(SPECS_DIR, `${api}/${version}.yaml`), downloaded);
      const result = await runCli("diff", [path.join(SPECS_DIR, `${api}/${version}.yaml`), downloaded, "--format", "json"]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).changes).toEqual([]);
    }
  });

  it("reads two files outside specs/ alike, with the settings their content points to", async () => {
    const downloads = await projectTempDir("downloads");
    const [before, after] = [path.join(downloads, "old.yaml"), path.join(downloads, "new.yaml")];
    await copyFile(path.join(SPECS_DIR, "pem/v10.yaml"), before);
    await copyFile(path.join(SPECS_DIR, "pem/v10.yaml"), after);
    const result = await runCli("diff", [before, after, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("reading both files with the pem settings");
    expect(JSON.parse(result.stdout).changes).toEqual([]);
  });

  it("takes the format from --out's extension and creates its folder", async () => {
    const out = path.join(await projectTempDir("diff"), "reports/pem/v9-v10.md");
    const result = await runCli("diff", ["pem", "v9", "v10", "--out", out]);
    expect(result.code).toBe(0);
    expect(await readFile(out, "utf8")).toMatch(/^# pem v9 → v10\n/);
  });

  it("--fail-on warning passes when there are only additions", async () => {
    const result = await runCli("diff", ["pem", "v9", "v10", "--format", "json", "--fail-on", "warning"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary).toMatchObject({ added: 5, breaking: 0, warning: 0 });
  });

  it("compares slightly invalid documents with one warning per problem; generate stays strict", async () => {
    const [before, after] = ["old", "new"].map((name) => path.join(import.meta.dirname, `../fixtures/diff/invalid/${name}.yaml`)) as [string, string];
    const result = await runCli("diff", [before, after, "--format", "json"]);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.startsWith("diff: warning:"));
    expect(warnings).toEqual([
      `diff: warning: ${before} at /paths/~1things/get/parameters/0: the parameter's \`schema\` is missing; compared without it.`,
      `diff: warning: ${before} at /paths/~1things/get/responses/200: the response's \`description\` is missing; compared without it.`,
      `diff: warning: ${after} at /paths/~1things/get/parameters/0: the parameter's \`schema\` is missing; compared without it.`,
      `diff: warning: ${after} at /paths/~1things/get/responses/200: the response's \`description\` is missing; compared without it.`,
    ]);
    expect(JSON.parse(result.stdout).changes).toMatchObject([{ check: "parameter-removed", level: "breaking", compiles: false }]);
    const out = await projectTempDir("strict");
    const generate = await runCli("generate", [
      "--spec",
      before,
      "--api",
      "invalid",
      "--auth",
      "pmm",
      "--naming",
      "operationId",
      "--version",
      "v1",
      "--out",
      out,
    ]);
    expect(generate.code).toBe(1);
    expect(generate.stderr).toContain("old.yaml at /paths/~1things/get/parameters/0: is not a valid OpenAPI 3.x document");
  });

  it("--list-checks lists every check on one line: its id, its levels and what it compares", async () => {
    const result = await runCli("diff", ["--list-checks"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    for (const check of CHECKS) {
      const line = lines.find((candidate) => candidate.startsWith(`${check.id} `));
      expect(line, check.id).toContain(`  ${check.levels.join(", ")}  `);
      expect(line, check.id).toMatch(/\S\.$/);
      expect(check.description.startsWith(line!.slice(line!.lastIndexOf("  ") + 2)), check.id).toBe(true);
    }
  });

  it("--list-checks --format md prints README.md's check table; other formats are usage errors", async () => {
    const table = await runCli("diff", ["--list-checks", "--format", "md"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(formatCheckTable(CHECKS));
    const json = await runCli("diff", ["--list-checks", "--format", "json"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain("--list-checks prints text or md");
  });

  it("reads a defective spec file with a warning naming the file, and exits 1 on one whose paths cannot be read", async () => {
    const defective = await runCli("diff", [path.join(import.meta.dirname, "../fixtures/invalid-spec.yaml"), path.join(SPECS_DIR, "pmm/v3.yaml")]);
    expect(defective.code).toBe(0);
    expect(defective.stderr).toMatch(/diff: warning: .*invalid-spec\.yaml at \/paths\/~1nodes\/get\/parameters\/0\/in: /);
    const result = await runCli("diff", [path.join(import.meta.dirname, "../fixtures/diff/invalid/no-paths.yaml"), path.join(SPECS_DIR, "pmm/v3.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no-paths\.yaml at \/paths: has no `paths` object/);
  });
});

describe("paths that share a shape in one version (PEM v17's /probe/{probe_id}/data/ and /probe/{internal_name}/data/)", () => {
  const v17 = path.join(SPECS_DIR, "pem/v17.yaml");
  const config = () => readApiConfig(path.join(SPECS_DIR, "pem"));

  it("are two operations to the diff: removing one is reported", async () => {
    const { document } = await readDocument(v17);
    delete (document.paths as Record<string, unknown>)["/probe/{internal_name}/data/"];
    const next = path.join(await projectTempDir("twins"), "v18.yaml");
    await writeFile(next, JSON.stringify(document));
    const comparison = compareApis(await loadModel(v17, await config(), "v17"), await loadModel(next, await config(), "v18"));
    expect(comparison.summary).toMatchObject({ added: 0, removed: 1 });
    expect(comparison.changes.find((c) => c.check === "operation-removed")).toMatchObject({
      operation: "GET /probe/{internal_name}/data/",
      typescript: expect.arrayContaining(["probe.listDataByInternalName()"]),
    });
  });

  it("keep a row each in COMPATIBILITY.md, unchanged in a later version", async () => {
    const [a, b] = [await loadModel(v17, await config(), "v17"), await loadModel(v17, await config(), "v18")];
    const { compatibility } = apiDocs("pem", [a, b]);
    expect(compatibility).toContain("| `GET /probe/{probe_id}/data/` | `probe.listDataByProbeId()` | ✓ | ✓ |");
    expect(compatibility).toContain("| `GET /probe/{internal_name}/data/` | `probe.listDataByInternalName()` | ✓ | ✓ |");
  });
});

describe("--format json: each change points into both spec files as given (Swagger 2.0 here)", () => {
  /** What a pointer of each kind of change must lead to, besides somewhere. */
  const leadsTo: [RegExp, (node: Record<string, unknown>, change: Change, pointer: string) => boolean][] = [
    [/^(operation-|method-renamed|call-shape-changed)/, (node) => "responses" in node],
    [/^(parameter-|path-parameter-renamed)/, (node, change) => typeof node.name === "string" && change.message.includes(node.name)],
    [/^property-(added|removed)/, (_, change, pointer) => change.message.includes(`.${unescapePointerToken(pointer.split("/").at(-1)!)}`)],
  ];

  it.each([
    ["pem", "v10", "v17"],
    ["pmm", "v2", "v3"],
  ])("%s %s %s", async (api, oldVersion, newVersion) => {
    const result = await runCli("diff", [api, oldVersion, newVersion, "--format", "json"]);
    expect(result.code).toBe(0);
    const { changes } = JSON.parse(result.stdout) as { changes: Change[] };
    const documents = {
      old: (await readDocument(path.join(SPECS_DIR, `${api}/${oldVersion}.yaml`))).document,
      new: (await readDocument(path.join(SPECS_DIR, `${api}/${newVersion}.yaml`))).document,
    };
    const fragment = (pointer: string) => `#${pointer.split("/").map(encodeURIComponent).join("/")}`;
    expect(changes.length).toBeGreaterThan(100);
    for (const change of changes) {
      const sides = (["old", "new"] as const).filter((side) => change.pointers[side] !== undefined);
      expect(sides.length, `${change.check}: ${change.message} has no pointer`).toBeGreaterThan(0);
      for (const side of sides) {
        const pointer = change.pointers[side]!;
        const node = followPointer(documents[side], fragment(pointer));
        const where = `${change.check}: ${change.message}: ${side} ${pointer}`;
        expect(node, `${where} leads nowhere`).not.toBeUndefined();
        const rule = leadsTo.find(([checks]) => checks.test(change.check));
        if (rule) expect(rule[1](node as Record<string, unknown>, change, pointer), `${where} leads to the wrong place`).toBe(true);
      }
    }
  });
});

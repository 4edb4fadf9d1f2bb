import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSources } from "../../generator/importer/sources-record.js";
import { compareVersionLabels } from "../../generator/validate/labels.js";
import { documentOperations, operationKey, versionSpecFiles } from "../support/operation-keys.js";
import { GENERATED_DIR, SPECS_DIR } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

/*
 * What diff and upgrade say about the shipped versions as a whole: the lists their usage errors
 * print, and COMPATIBILITY.md's rows over every version. These hold a list of versions to
 * specs/, so test/e2e/add-a-version.test.ts runs this file in a copy with a version added; the
 * rest of diff.test.ts and upgrade.test.ts runs there only in its full form (.ci/run).
 */

const FIXTURE = path.join(import.meta.dirname, "../fixtures/upgrade/pmm-v2");

/** The shipped versions of an API in the version order, as the usage errors list them. */
const shipped = async (api: string) =>
  (await readSources(SPECS_DIR))
    .filter((r) => r.api === api)
    .map((r) => r.version)
    .sort(compareVersionLabels);
const shippedPem = await shipped("pem");

describe("npm run diff", () => {
  it.each([
    [["pem", "v9"], /give an API and two versions/],
    [["pem", "v9", "v99"], `pem has no version "v99". Shipped: ${shippedPem.join(", ")}.`],
    [["pem", "v9", "v10", "--format", "html"], /--format must be text, md or json/],
    [["pem", "v9", "v10", "--fail-on", "info"], /--fail-on must be breaking or warning/],
  ])("usage errors exit 2: %j", async (args, message) => {
    const result = await runCli("diff", args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("npm run upgrade", () => {
  it("refuses a bad command line with exit 2, and explains itself with --help", async () => {
    const { code, stderr } = await runCli("upgrade", [FIXTURE, "--from", "pmm/v2"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--from and --to are required");
    const unknown = await runCli("upgrade", [FIXTURE, "--from", "pmm/v2", "--to", "pmm/v9"]);
    const listed = `Shipped: ${(await shipped("pmm")).join(", ")}.`;
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining(`pmm has no version "v9". ${listed}`) });
    const help = await runCli("upgrade", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("npm run upgrade -- <project-dir> --from <api>/<version> --to <api>/<version> [--write] [--format text|json]");
  });
});

describe("generated CHANGELOG.md and COMPATIBILITY.md", () => {
  it("describe PEM v9 → v10 and every operation × version", async () => {
    const changelog = await readFile(path.join(GENERATED_DIR, "pem/CHANGELOG.md"), "utf8");
    expect(changelog).toContain("## pem v9 → v10");
    const compatibility = await readFile(path.join(GENERATED_DIR, "pem/COMPATIBILITY.md"), "utf8");
    expect(compatibility).toContain("| `GET /agent/job/{agent_id}` | `agent.getJob()` | — | added |");
    expect(compatibility).toContain("| `GET /server/` | `server.list()` | ✓ | ✓ |");
    const rows = compatibility.split("\n").filter((l) => l.startsWith("| `"));
    // One row per operation key, or per operation where a version has paths that differ only in parameter names.
    const rowsPerKey = new Map<string, number>();
    for (const file of versionSpecFiles(SPECS_DIR, "pem")) {
      const perKey = new Map<string, number>();
      for (const op of await documentOperations(file)) perKey.set(operationKey(op), (perKey.get(operationKey(op)) ?? 0) + 1);
      for (const [key, count] of perKey) rowsPerKey.set(key, Math.max(count, rowsPerKey.get(key) ?? 0));
    }
    expect(rows).toHaveLength([...rowsPerKey.values()].reduce((a, b) => a + b, 0));
    expect(changelog).toContain("## pem v10 → v17");
  });

  it("list breaking changes first in the PMM changelog", async () => {
    const changelog = await readFile(path.join(GENERATED_DIR, "pmm/CHANGELOG.md"), "utf8");
    const breaking = changelog.indexOf("### Breaking changes");
    expect(breaking).toBeGreaterThan(0);
    expect(breaking).toBeLessThan(changelog.indexOf("### Additions and other changes"));
    const compatibility = await readFile(path.join(GENERATED_DIR, "pmm/COMPATIBILITY.md"), "utf8");
    expect(compatibility).toContain("| `POST /v1/inventory/Nodes/List` | `nodes.listNodes()` | ✓ | moved |");
    expect(compatibility).toContain("| `POST /v1/AWSInstanceCheck` | `server.awsInstanceCheck()` | ✓ | removed |");
  });
});

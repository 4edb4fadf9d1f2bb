import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { copyProject } from "../support/project-copy.js";
import { runCli } from "../support/run-cli.js";

/**
 * The tests that hold a list of versions to another (specs/ to sources.yaml, sources.yaml to the
 * package's entries, the released names to the clients): adding a version must leave them green.
 * Tests that merely run over every version (conversion fidelity, validators, generate --check)
 * derive their lists from specs/; `ADD_A_VERSION_TEST=full` (which .ci/run sets) runs them too:
 * all of `npm test` in the copy, which takes as long again as the suite itself.
 */
const VERSION_LISTING_TESTS = [
  "test/e2e/import-specs.test.ts",
  "test/e2e/shipped-clients.test.ts",
  "test/unit/released-names.test.ts",
  "test/e2e/version-lists.test.ts",
];
/**
 * Tests in those files that check each version's content rather than hold one list to another,
 * and that adding a version this way cannot break: re-importing each spec byte for byte (a spec
 * just imported is that by construction), type-checking a consumer of the versions it names
 * (not the new ones), loading each entry's declarations. The full form runs them; without them,
 * and in one worker, this test takes 25 CPU-seconds instead of 42.
 */
const CONTENT_TESTS = ["is what the importer makes of its recorded source", "type-checks strictly", "keeps openapi-fetch's declarations out"];
const FULL = process.env.ADD_A_VERSION_TEST === "full";

/** The quick form's vitest arguments: the list tests, in one worker (two would load the compiler twice). */
function quickSelection(): string[] {
  const escaped = CONTENT_TESTS.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return [...VERSION_LISTING_TESTS, "--maxWorkers=1", `--testNamePattern=^(?!.*(?:${escaped.join("|")}))`];
}

/** A command in `root`, as a process of its own: its exit code and everything it printed. */
function runIn(root: string, command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  // The outer run's VITEST_* variables would make the inner vitest take itself for one of its
  // workers; the copy's own add-a-version test runs its quick form.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "ADD_A_VERSION_TEST"));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Reads a generated file of the copy. */
const readIn = (root: string, file: string) => readFile(path.join(root, "generated", file), "utf8");

describe("adding an API version the README's way", () => {
  it(FULL ? "leaves npm test green" : "leaves the tests that list versions green", { timeout: 900_000 }, async () => {
    const root = await copyProject("add-a-version");
    // A copy is a few megabytes; the output below says what went wrong in it.
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    // Step 1: our own output is valid input, so the newest PEM spec serves as the next major
    // version, and the newest PMM spec as a minor one beside it (PMM 3.1 beside 3).
    const specs = await discoverSpecs(path.join(root, "specs"));
    const newest = (api: string) => specs.filter((s) => s.api === api && /^v\d+$/.test(s.version)).at(-1)!;
    const [pem, pmm] = [newest("pem"), newest("pmm")];
    const next = `v${Number(pem.version.slice(1)) + 1}`;
    const minor = `${pmm.version}.1`;
    for (const [spec, version] of [
      [pem, next],
      [pmm, minor],
    ] as const) {
      const imported = await runCli("import", [path.relative(root, spec.file), "--api", spec.api, "--version", version], { cwd: root, root });
      expect(imported.stderr).toBe("");
      expect(imported.code).toBe(0);
    }
    // Step 2.
    const generated = await runCli("generate", [], { cwd: root, root });
    expect(generated.stderr).toBe("");
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(new RegExp(`^pem/${next}\\s`, "m"));
    expect(generated.stdout).toMatch(new RegExp(`^pmm/${minor.replace(".", "\\.")}\\s`, "m"));
    // The minor version comes right after the one it is the minor of, and is compared with it in each document.
    const pmmVersions = (await discoverSpecs(path.join(root, "specs"))).filter((s) => s.api === "pmm").map((s) => s.version);
    expect(pmmVersions.indexOf(minor)).toBe(pmmVersions.indexOf(pmm.version) + 1);
    expect(await readIn(root, "pmm/CHANGELOG.md")).toContain(`\n## pmm ${pmm.version} → ${minor}\n`);
    const compatibility = await readIn(root, "pmm/COMPATIBILITY.md");
    expect(compatibility).toContain(`| ${pmmVersions.join(" | ")} |\n`);
    expect(await readIn(root, `pmm/MIGRATION-${pmm.version}-${minor}.md`)).toMatch(/^# /);
    expect(JSON.parse(await readIn(root, `pmm/migrations/${pmm.version}-${minor}.json`))).toMatchObject({ from: pmm.version, to: minor });
    // Step 3 is for a released version, and a version added without it keeps the suite green.
    if (FULL) {
      // Not incremental: its build info would land in the node_modules the copy shares.
      const compiled = await runIn(root, "npx", ["tsc", "--noEmit", "-p", ".", "--incremental", "false"]);
      expect(compiled.code, compiled.output).toBe(0);
    }
    const tests = await runIn(root, "npx", ["vitest", "run", ...(FULL ? [] : quickSelection())]);
    expect(tests.code, tests.output).toBe(0);
    // A selection that left nothing to run would pass as well.
    expect(tests.output).toMatch(/^ +Tests +[1-9]\d* passed/m);
  });
});

import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
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
const VERSION_LISTING_TESTS = ["test/e2e/import-specs.test.ts", "test/e2e/shipped-clients.test.ts", "test/unit/released-names.test.ts"];
const FULL = process.env.ADD_A_VERSION_TEST === "full";

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

describe("adding an API version the README's way", () => {
  it(FULL ? "leaves npm test green" : "leaves the tests that list versions green", { timeout: 900_000 }, async () => {
    const root = await copyProject("add-a-version");
    // A copy is a few megabytes; the output below says what went wrong in it.
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    // Step 1: our own output is valid input, so the newest PEM spec serves as the next version.
    const newest = (await discoverSpecs(path.join(root, "specs"))).filter((s) => s.api === "pem" && /^v\d+$/.test(s.version)).at(-1)!;
    const next = `v${Number(newest.version.slice(1)) + 1}`;
    const imported = await runCli("import", [path.relative(root, newest.file), "--api", "pem", "--version", next], { cwd: root, root });
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    // Step 2.
    const generated = await runCli("generate", [], { cwd: root, root });
    expect(generated.stderr).toBe("");
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(new RegExp(`^pem/${next}\\s`, "m"));
    // Step 3 is for a released version, and a version added without it keeps the suite green.
    if (FULL) {
      // Not incremental: its build info would land in the node_modules the copy shares.
      const compiled = await runIn(root, "npx", ["tsc", "--noEmit", "-p", ".", "--incremental", "false"]);
      expect(compiled.code, compiled.output).toBe(0);
    }
    const tests = await runIn(root, "npx", ["vitest", "run", ...(FULL ? [] : VERSION_LISTING_TESTS)]);
    expect(tests.code, tests.output).toBe(0);
  });
});

import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.js";
import { copyProject } from "../support/project-copy.js";
import { runCliProcess } from "../support/run-cli.js";

/*
 * generator/launch.mjs, which the package.json scripts run: each command compiled once per
 * content of generator/ and templates/runtime/ into node_modules/.cache, working on the project
 * it was started from. The copy shares this checkout's node_modules, and so its cache.
 */

const CACHE = path.join(ROOT, "node_modules/.cache/pem-pmm-generator");
/** The compiled trees (not the partial ones another run may be writing meanwhile). */
const trees = async () => new Set((await readdir(CACHE).catch(() => [])).filter((name) => /^[0-9a-f]{16}$/.test(name)));
let root: string;
let before: Set<string>;
beforeAll(async () => {
  root = await copyProject("launch");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  // The trees of the edited copy's sources; this checkout's stays.
  for (const tree of await trees()) if (before && !before.has(tree)) await rm(path.join(CACHE, tree), { recursive: true, force: true });
});

describe("generator/launch.mjs", () => {
  it("works on the project it was started from, though the compiled modules sit in another's node_modules", async () => {
    await rm(path.join(root, "generated/pem/v9/index.js"));
    const check = await runCliProcess("generate", ["--check"], { root });
    expect(check.stderr).toContain("  pem/v9/index.js (missing)\n");
    expect(check.code).toBe(1);
  });

  it("compiles the generator once per content of its sources", async () => {
    before = await trees();
    const help = await runCliProcess("diff", ["--help"], { root });
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}npm run diff /);
    // The copy's sources are this checkout's: the tree compiled for them is used, and no other made.
    expect(await trees()).toEqual(before);
    const source = path.join(root, "generator/cli/generate.ts");
    await writeFile(source, (await readFile(source, "utf8")).replace("Usage:\n", "Usage (as edited):\n"));
    const edited = await runCliProcess("generate", ["--help"], { root });
    expect(edited.stdout).toMatch(/^Usage \(as edited\):\n/);
    const made = [...(await trees())].filter((tree) => !before.has(tree));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(await readFile(path.join(CACHE, made[0]!, "generator/cli/generate.js"), "utf8")).toContain("Usage (as edited):");
  });

  it("refuses an unknown command with exit code 2, naming the commands", async () => {
    const result = await runCliProcess("generat", [], { root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('generator/launch.mjs: no command "generat": the commands are generate, import, diff, upgrade, check-server.\n');
  });
});

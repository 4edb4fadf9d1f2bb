import { readFileSync } from "node:fs";
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
/** The tree compiled for the edited copy, removed at the end; this checkout's stays. */
let made: string | undefined;
beforeAll(async () => {
  root = await copyProject("launch");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  if (made) await rm(path.join(CACHE, made), { recursive: true, force: true });
});

describe("generator/launch.mjs", () => {
  it("works on the project it was started from, though the compiled modules sit in another's node_modules", async () => {
    await rm(path.join(root, "generated/pem/v9/index.js"));
    const check = await runCliProcess("generate", ["--check"], { root });
    expect(check.stderr).toContain("  pem/v9/index.js (missing)\n");
    expect(check.code).toBe(1);
  });

  it("compiles the generator once per content of its sources", async () => {
    const before = await trees();
    const help = await runCliProcess("diff", ["--help"], { root });
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}npm run diff /);
    // The copy's sources are this checkout's: the tree compiled for them is used, and no other made
    // for them (another run of this test beside it may add the tree of its own edit).
    const compiledGenerate = (tree: string) => readFileSync(path.join(CACHE, tree, "generator/cli/generate.js"), "utf8");
    expect([...(await trees())].filter((tree) => !before.has(tree) && !compiledGenerate(tree).includes("Usage (as edited"))).toEqual([]);
    const source = path.join(root, "generator/cli/generate.ts");
    // Unique to this run: another run of this test beside it (add-a-version's full form) edits its own copy.
    const edit = `Usage (as edited by ${process.pid}, ${Date.now()}):`;
    await writeFile(source, (await readFile(source, "utf8")).replace("Usage:\n", `${edit}\n`));
    const edited = await runCliProcess("generate", ["--help"], { root });
    expect(edited.stdout.startsWith(`${edit}\n`)).toBe(true);
    const added = [...(await trees())].filter((tree) => !before.has(tree));
    made = added.find((tree) => compiledGenerate(tree).includes(edit));
    expect(made).toBeDefined();
  });

  it("refuses an unknown command with exit code 2, naming the commands", async () => {
    const result = await runCliProcess("generat", [], { root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('generator/launch.mjs: no command "generat": the commands are generate, import, diff, upgrade, check-server.\n');
  });
});

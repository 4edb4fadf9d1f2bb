import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectPaths } from "../../generator/cli/project-paths.js";
import { hashInputs } from "../../generator/write/input-stamp.js";
import { projectTempDir } from "../support/paths.js";

/** A project of package.json and npm's record of node_modules alone: `a` needs `b`, which needs its own `c`; `dev` is a dev tool. */
async function project(versions: { b: string; c: string; dev: string }, extra: Record<string, string> = {}): Promise<string> {
  const root = await projectTempDir("input-stamp");
  await mkdir(path.join(root, "node_modules"), { recursive: true });
  await mkdir(path.join(root, "generator"), { recursive: true });
  await writeFile(path.join(root, "package.json"), JSON.stringify({ dependencies: { a: "1.0.0" }, devDependencies: { dev: "1.0.0" } }));
  const packages = {
    "node_modules/a": { version: "1.0.0", dependencies: { b: "^2" } },
    "node_modules/b": { version: versions.b, dependencies: { c: "~3" } },
    "node_modules/c": { version: "9.9.9" },
    "node_modules/b/node_modules/c": { version: versions.c },
    "node_modules/dev": { version: versions.dev },
  };
  await writeFile(path.join(root, "node_modules/.package-lock.json"), JSON.stringify({ packages }));
  await writeFile(path.join(root, "generator/emit.ts"), "export {};\n");
  for (const [name, content] of Object.entries(extra)) await writeFile(path.join(root, name), content);
  return root;
}
// A template folder is made from the shared inputs alone: its hash is theirs.
const shared = async (root: string) => (await hashInputs(projectPaths(root), [])).folders.runtime;

describe("the input hash of generated/.inputs.json", () => {
  it("changes with any package the runtime dependencies bring in, as Node resolves it, and not with dev tools", async () => {
    const base = await shared(await project({ b: "2.0.0", c: "3.0.0", dev: "1.0.0" }));
    expect(await shared(await project({ b: "2.0.0", c: "3.0.0", dev: "1.0.0" }))).toBe(base);
    expect(await shared(await project({ b: "2.1.0", c: "3.0.0", dev: "1.0.0" }))).not.toBe(base);
    // b's own c, not the top-level one, is what b loads.
    expect(await shared(await project({ b: "2.0.0", c: "3.0.1", dev: "1.0.0" }))).not.toBe(base);
    expect(await shared(await project({ b: "2.0.0", c: "3.0.0", dev: "5.0.0" }))).toBe(base);
  });

  it("ignores an editor's clutter in the folders it hashes, and sees every other file", async () => {
    const base = await shared(await project({ b: "2.0.0", c: "3.0.0", dev: "1.0.0" }));
    const clutter = { "generator/.emit.ts.swp": "x", "generator/emit.ts~": "x", "generator/.DS_Store": "x" };
    expect(await shared(await project({ b: "2.0.0", c: "3.0.0", dev: "1.0.0" }, clutter))).toBe(base);
    expect(await shared(await project({ b: "2.0.0", c: "3.0.0", dev: "1.0.0" }, { "generator/new.ts": "export {};\n" }))).not.toBe(base);
  });
});

import { cp, realpath, symlink } from "node:fs/promises";
import path from "node:path";
import { projectTempDir, ROOT } from "./paths.js";

/** What a project is, besides its dependencies: enough to import, generate and run its tests. */
const PROJECT_ENTRIES = [
  "specs",
  "generator",
  "templates",
  "test",
  "bench",
  "generated",
  "package.json",
  "tsconfig.json",
  "vitest.config.ts",
  "README.md",
  "CONTRIBUTING.md",
];

/**
 * What git ignores beside the code: the bench's and the tests' downloads and outputs, and the
 * bench's own peers (bench/node_modules, 140 MB once `npm run bench` has run).
 */
const SCRATCH = new Set([".cache", ".test-tmp", "node_modules"]);

/**
 * A copy of this project under .test-tmp/ that a test may change as a user would; it shares
 * this checkout's node_modules through a link. Its ../shared/reference is absent, so its
 * tests run as CI's do.
 */
export async function copyProject(prefix: string): Promise<string> {
  const root = await projectTempDir(prefix);
  const filter = (source: string) => !SCRATCH.has(path.basename(source));
  await Promise.all(PROJECT_ENTRIES.map((entry) => cp(path.join(ROOT, entry), path.join(root, entry), { recursive: true, filter })));
  await symlink(await realpath(path.join(ROOT, "node_modules")), path.join(root, "node_modules"), "dir");
  return root;
}

import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { projectPaths } from "../../generator/cli/project-paths.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { diffTree } from "../../generator/write/file-tree.js";
import { hashInputs, readStamp, unchangedFolders, verifyAgainstStamp } from "../../generator/write/input-stamp.js";
import { GENERATED_DIR, ROOT, RUN_DIR_VARIABLE, SPECS_DIR, TEMPLATES_DIR, TEST_TMP_DIR } from "./paths.js";

/**
 * vitest's global set-up.
 *
 * The runtime tests load the committed generated/runtime, so a change to templates/runtime that
 * was not generated would leave them testing the old runtime. This stops the run at once instead;
 * generate-cli.test.ts holds the rest of generated/ to the specs.
 *
 * It also gives the run its own folder for the tests' temporary folders and removes it when the
 * run ends, with any left by runs that died before their end.
 */
export default async function setUpRun(): Promise<() => Promise<void>> {
  const stale = await staleRuntimeFiles();
  if (stale.length > 0) {
    throw new Error(`generated/runtime is not what templates/runtime compiles to (${stale.join(", ")}). Run \`npm run generate\`, then the tests.`);
  }
  await removeDeadRunsFolders();
  const runDir = runFolder(process.pid);
  await mkdir(runDir, { recursive: true });
  // Set before vitest starts its workers, which inherit the environment.
  process.env[RUN_DIR_VARIABLE] = runDir;
  return () => rm(runDir, { recursive: true, force: true });
}

/**
 * The files of generated/runtime that are not what templates/runtime compiles to. Answered as
 * `npm run generate` answers "nothing changed" when it can: the runtime's inputs are those
 * generated/'s record names and its files are as recorded. Otherwise the runtime is compiled
 * (a second and a half, before any test starts) and compared.
 */
async function staleRuntimeFiles(): Promise<string[]> {
  const stamp = await readStamp(GENERATED_DIR);
  if (stamp) {
    const hashes = await hashInputs(projectPaths(ROOT), await discoverSpecs(SPECS_DIR));
    const { found } = await verifyAgainstStamp(GENERATED_DIR, stamp);
    if (unchangedFolders(stamp, hashes, found).has("runtime")) return [];
  }
  const { emitRuntimeFiles } = await import("../../generator/emit/runtime-files.js");
  return diffTree(path.join(GENERATED_DIR, "runtime"), emitRuntimeFiles(TEMPLATES_DIR));
}

const RUN_FOLDER = /^run-(\d+)$/;

function runFolder(pid: number): string {
  return path.join(TEST_TMP_DIR, `run-${pid}`);
}

/** A run killed before its teardown leaves its folder; it is removed once its process is gone. */
async function removeDeadRunsFolders(): Promise<void> {
  const names = await readdir(TEST_TMP_DIR).catch(() => []);
  const dead = names.flatMap((name) => {
    const pid = RUN_FOLDER.exec(name)?.[1];
    return pid !== undefined && !isRunning(Number(pid)) ? [runFolder(Number(pid))] : [];
  });
  await Promise.all(dead.map((dir) => rm(dir, { recursive: true, force: true })));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

import { randomBytes } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** A generated file tree: relative path (with `/`) → content. */
export type FileTree = Map<string, string>;

/**
 * A script (`#!…`) is written executable: npm makes a package's bin executable when it installs
 * it, and on a folder install (`npm install ./generated`) it would otherwise change the mode of
 * the committed file in this repository.
 */
const modeOf = (content: string): number => (content.startsWith("#!") ? 0o755 : 0o644);

/**
 * Replaces `dir` with exactly `files`: everything is written to a sibling folder first and
 * swapped in with renames, so a failure leaves the previous contents untouched.
 */
export async function writeTreeAtomically(dir: string, files: FileTree): Promise<void> {
  // Without a trailing slash, so that the siblings below are not made inside `dir`.
  dir = path.resolve(dir);
  const suffix = randomBytes(4).toString("hex");
  const staging = `${dir}.staging-${suffix}`;
  const retired = `${dir}.retired-${suffix}`;
  try {
    for (const [name, content] of files) {
      const target = path.join(staging, name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content, { mode: modeOf(content) });
    }
    const hadPrevious = await isListableDir(dir);
    if (hadPrevious) await rename(dir, retired);
    try {
      await rename(staging, dir);
    } catch (error) {
      if (hadPrevious) await rename(retired, dir);
      throw error;
    }
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Files that differ between `dir` and `files`: changed, missing from disk, or extra on disk. */
export async function diffTree(dir: string, files: FileTree): Promise<string[]> {
  const onDisk = new Set(await listFiles(dir));
  const differences: string[] = [];
  for (const [name, content] of files) {
    if (!onDisk.has(name)) differences.push(`${name} (missing)`);
    else if ((await readFile(path.join(dir, name), "utf8")) !== content) differences.push(`${name} (out of date)`);
    else {
      const mode = await modeDifference(path.join(dir, name), content);
      if (mode) differences.push(`${name} (${mode})`);
    }
    onDisk.delete(name);
  }
  for (const name of onDisk) differences.push(`${name} (not produced by the specs)`);
  return differences.sort();
}

/**
 * How the file at `file` differs in mode from what `content` is written with, if it does: the
 * owner's execute bit alone (a umask may take the others').
 */
export async function modeDifference(file: string, content: string): Promise<"executable" | "not executable" | undefined> {
  const executable = ((await stat(file)).mode & 0o100) !== 0;
  const wanted = (modeOf(content) & 0o100) !== 0;
  return executable === wanted ? undefined : executable ? "executable" : "not executable";
}

export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const entry of entries) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...(await listFiles(dir, name)));
    else names.push(name);
  }
  return names;
}

/** Whether `dir` is a folder that can be listed (a file there is not, and fails the rename after). */
async function isListableDir(dir: string): Promise<boolean> {
  return readdir(dir).then(
    () => true,
    () => false,
  );
}

import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { GENERATED_MARK } from "../emit/generated-header.js";
import { UsageError } from "../errors.js";
import type { FileTree } from "./file-tree.js";
import { listFiles } from "./file-tree.js";

/**
 * Before generating: `--out` must be missing, an empty folder, or an earlier output of this
 * command. Returns the folder's absolute path (a trailing slash removed).
 */
export async function checkOutFolder(out: string): Promise<string> {
  const folder = path.resolve(out);
  const found = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    // Only a missing folder is one to create; anything else (a file on its path, no permission) stops here.
    if (error.code === "ENOENT") return undefined;
    const why = error.code === "ENOTDIR" ? "a part of its path is a file, not a folder" : `it cannot be examined (${error.code ?? error.message})`;
    throw new UsageError(`--out ${out} cannot be written: ${why}. Choose a folder you can write to.`);
  });
  if (!found) return folder;
  if (!found.isDirectory()) throw new UsageError(`--out ${out} is a file; --out names the folder to write the client into.`);
  if ((await listFiles(folder)).length === 0) return folder;
  const mark = await readFile(path.join(folder, "index.d.ts"), "utf8").catch(() => "");
  if (!mark.startsWith(GENERATED_MARK)) {
    throw new UsageError(`--out ${out} is a folder with other files in it; it would be replaced as a whole. Choose an empty or new folder.`);
  }
  return folder;
}

/**
 * After generating: the folder is replaced by `files`, so it must hold nothing else; a file
 * the user added to an earlier output is never deleted.
 */
export async function refuseUserFiles(out: string, folder: string, files: FileTree): Promise<void> {
  const foreign = (await listFiles(folder)).filter((name) => !files.has(name)).sort();
  if (foreign.length > 0) {
    const named = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : "");
    throw new UsageError(
      `--out ${out} is an earlier output, but also holds files this command does not write (${named}); replacing the folder would delete them. Move them elsewhere, or choose another folder.`,
    );
  }
}

import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../../generator/write/file-tree.js";
import { GENERATED_DIR, projectTempDir } from "./paths.js";

/**
 * A copy of the committed generated/ package in a fresh folder, with its files. The suite tests
 * that tree rather than generating its own: generate-cli.test.ts proves it is exactly what
 * specs/ and templates/ produce (after changing either, run `npm run generate`).
 */
export async function shippedPackageCopy(): Promise<{ dir: string; files: Map<string, string> }> {
  const dir = path.join(await projectTempDir("package"), "generated");
  await cp(GENERATED_DIR, dir, { recursive: true });
  return { dir, files: await readTree(dir) };
}

/** Every file under `dir` by its path relative to `dir`. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const names = await listFiles(dir);
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), "utf8")] as const)));
}

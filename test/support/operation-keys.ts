import { readdirSync } from "node:fs";
import path from "node:path";
import { readDocument } from "../../generator/load/read-document.js";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/**
 * Every operation of a raw document as `METHOD /path`, read straight from `paths`: an
 * independent count to hold the generator's and the diff's numbers against.
 */
export async function documentOperations(file: string): Promise<string[]> {
  const { document } = await readDocument(file);
  return Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) =>
    Object.keys(item)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${p}`),
  );
}

/** An operation's key as the diff matches it: method + path with parameter names blanked. */
export const operationKey = (operation: string): string => operation.replace(/\{[^}]*\}/g, "{}");

/** The shipped `v<N>` spec files of an API in specs/, in no particular order. */
export function versionSpecFiles(specsDir: string, api: string): string[] {
  return readdirSync(path.join(specsDir, api))
    .filter((f) => /^v\d[\w.-]*\.ya?ml$/.test(f))
    .map((f) => path.join(specsDir, api, f));
}

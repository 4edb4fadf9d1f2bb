import { readdir } from "node:fs/promises";
import path from "node:path";
import { SpecError } from "../errors.js";
import { API_CONFIG_FILE } from "./api-config.js";

/** One spec file in `specs/<api>/<version>.yaml`. */
export interface SpecEntry {
  api: string;
  version: string;
  file: string;
}

const NAME = /^[a-z][a-z0-9-]*$/;
const SPEC_FILE = /\.(ya?ml|json)$/;

/** Lists every API version under the specs folder, sorted by API then version. */
export async function discoverSpecs(specsDir: string): Promise<SpecEntry[]> {
  const entries: SpecEntry[] = [];
  let apis: string[];
  try {
    apis = (await readdir(specsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    throw new SpecError(specsDir, undefined, "is not a readable folder.", "Run the command from the project's root folder.");
  }
  for (const api of apis.sort()) {
    checkName(path.join(specsDir, api), api, "API folder");
    const files = (await readdir(path.join(specsDir, api))).filter((f) => SPEC_FILE.test(f) && f !== API_CONFIG_FILE);
    // Sorted by version, not file name: `v3` comes before `v3-1`.
    const versions = files.map((file) => ({ file, version: file.replace(SPEC_FILE, "") })).sort((a, b) => compareVersionLabels(a.version, b.version));
    for (const { file, version } of versions) {
      checkName(path.join(specsDir, api, file), version, "version file");
      entries.push({ api, version, file: path.join(specsDir, api, file) });
    }
  }
  return entries;
}

function checkName(file: string, name: string, what: string): void {
  if (!NAME.test(name)) {
    throw new SpecError(
      file,
      undefined,
      `the ${what} name "${name}" cannot become a package subpath.`,
      "Use lower-case letters, digits and dashes, starting with a letter (for example `v10`).",
    );
  }
}

/** Orders `v9` before `v10`: digit runs compare as numbers. */
export function compareVersionLabels(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

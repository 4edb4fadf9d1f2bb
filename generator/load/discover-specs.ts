import { readdir } from "node:fs/promises";
import path from "node:path";
import { SpecError } from "../errors.js";
import { compareVersionLabels, isVersionLabel, VERSION_RULE } from "../validate/labels.js";
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
    if (!NAME.test(api))
      throw new SpecError(
        path.join(specsDir, api),
        undefined,
        `the API folder name "${api}" cannot become a package subpath.`,
        "Use lower-case letters, digits and dashes, starting with a letter (for example `pem`).",
      );
    const files = (await readdir(path.join(specsDir, api))).filter((f) => SPEC_FILE.test(f) && f !== API_CONFIG_FILE);
    // Sorted by version, not file name: `v9` comes before `v10`, `v3` before `v3.1`.
    const versions = files.map((file) => ({ file, version: file.replace(SPEC_FILE, "") })).sort((a, b) => compareVersionLabels(a.version, b.version));
    for (const { file, version } of versions) {
      if (!isVersionLabel(version))
        throw new SpecError(
          path.join(specsDir, api, file),
          undefined,
          `the version "${version}" is not a version label.`,
          `Name the file with ${VERSION_RULE}.`,
        );
      entries.push({ api, version, file: path.join(specsDir, api, file) });
    }
  }
  return entries;
}

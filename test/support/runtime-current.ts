import path from "node:path";
import { emitRuntimeFiles } from "../../generator/emit/runtime-files.js";
import { diffTree } from "../../generator/write/file-tree.js";
import { GENERATED_DIR, TEMPLATES_DIR } from "./paths.js";

/**
 * vitest's global set-up: the runtime tests load the committed generated/runtime, so a change to
 * templates/runtime that was not generated would leave them testing the old runtime. This stops
 * the run at once instead; generate-cli.test.ts holds the rest of generated/ to the specs.
 */
export default async function runtimeIsCurrent(): Promise<void> {
  const stale = await diffTree(path.join(GENERATED_DIR, "runtime"), emitRuntimeFiles(TEMPLATES_DIR));
  if (stale.length > 0) {
    throw new Error(`generated/runtime is not what templates/runtime compiles to (${stale.join(", ")}). Run \`npm run generate\`, then the tests.`);
  }
}

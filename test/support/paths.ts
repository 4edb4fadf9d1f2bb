import { existsSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SPECS_DIR = path.join(ROOT, "specs");
export const TEMPLATES_DIR = path.join(ROOT, "templates");
export const GENERATED_DIR = path.join(ROOT, "generated");
/** Real PEM/PMM documents beside the checkout; tests that need them skip when absent. */
export const REFERENCE_DIR = path.resolve(ROOT, "../shared/reference");
export const hasReference = existsSync(path.join(REFERENCE_DIR, "README.md"));
/** What the name of a test skipped for want of those documents says. */
export const NEEDS_REFERENCE = "needs ../shared/reference";

/**
 * A fresh folder inside the project (ignored by git), so generated code there resolves
 * `openapi-fetch` and `typescript` from the project's node_modules.
 */
export async function projectTempDir(prefix: string): Promise<string> {
  const base = path.join(ROOT, ".test-tmp");
  await mkdir(base, { recursive: true });
  return mkdtemp(path.join(base, `${prefix}-`));
}

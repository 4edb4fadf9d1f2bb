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

/** Where tests make their folders: inside the project (ignored by git), so code there resolves its imports. */
export const TEST_TMP_DIR = path.join(ROOT, ".test-tmp");
/**
 * The environment variable naming this run's own folder under .test-tmp/, which the global set-up
 * makes and removes when the run ends (run-setup.ts).
 */
export const RUN_DIR_VARIABLE = "PEM_PMM_TEST_RUN_DIR";

/**
 * A fresh folder inside the project, so generated code there resolves `openapi-fetch` and
 * `typescript` from the project's node_modules. It lives in this run's folder, so the end of the
 * run removes it.
 */
export async function projectTempDir(prefix: string): Promise<string> {
  const base = process.env[RUN_DIR_VARIABLE] ?? TEST_TMP_DIR;
  await mkdir(base, { recursive: true });
  return mkdtemp(path.join(base, `${prefix}-`));
}

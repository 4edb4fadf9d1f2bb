import path from "node:path";
import { clientPackageInfo } from "../../generator/cli/project-paths.js";
import { generatePackage } from "../../generator/pipeline.js";
import { writeTreeAtomically } from "../../generator/write/file-tree.js";
import { ROOT, SPECS_DIR, TEMPLATES_DIR, projectTempDir } from "./paths.js";

/** Generates every shipped spec into a fresh folder, as `npm run generate` would into generated/. */
export async function generateShippedPackage(): Promise<{ dir: string; files: Map<string, string> }> {
  const dir = path.join(await projectTempDir("package"), "generated");
  const { files } = await generatePackage({ root: ROOT, specsDir: SPECS_DIR, templatesDir: TEMPLATES_DIR, info: clientPackageInfo() });
  await writeTreeAtomically(dir, files);
  return { dir, files };
}

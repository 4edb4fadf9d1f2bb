import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PackageInfo } from "../emit/package-manifest.js";

/** The project's folders, found from this file so the CLI works from any working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SPECS_DIR = path.join(ROOT, "specs");
export const TEMPLATES_DIR = path.join(ROOT, "templates");
export const GENERATED_DIR = path.join(ROOT, "generated");

/** Name, version, runtime dependencies and Node.js versions of the generated package, from the root package.json. */
export function clientPackageInfo(): PackageInfo {
  const root = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  return { ...root.clientPackage, node: root.engines.node };
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
/** This checkout, found from this file so the CLI works from any working directory. */
const CHECKOUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** A project's folders; by default this checkout's. */
export function projectPaths(root = CHECKOUT) {
    return { root, specsDir: path.join(root, "specs"), templatesDir: path.join(root, "templates"), generatedDir: path.join(root, "generated") };
}
/** Name, version, runtime dependencies and Node.js versions of the generated package, from the root package.json. */
export function clientPackageInfo(root = CHECKOUT) {
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    return { ...manifest.clientPackage, node: manifest.engines.node };
}

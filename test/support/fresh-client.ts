import path from "node:path";
import { pathToFileURL } from "node:url";
import { SPECS_DIR, projectTempDir } from "./paths.js";
import { runCli } from "./run-cli.js";

/**
 * Generates a shipped spec into a fresh folder with the runtime as templates/ holds it now
 * (generated/ has the runtime of the last `npm run generate`), and imports the entry.
 */
export async function generateFresh(api: "pem" | "pmm", version: string): Promise<any> {
  const out = path.join(await projectTempDir(`${api}-${version}`), "client");
  const result = await runCli("generate", ["--spec", path.join(SPECS_DIR, api, `${version}.yaml`), "--api", api, "--version", version, "--out", out]);
  if (result.code !== 0) throw new Error(`generate ${api} ${version} failed:\n${result.stderr}`);
  return import(pathToFileURL(path.join(out, "index.js")).href);
}

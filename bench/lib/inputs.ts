import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { toOpenApi3 } from "../../generator/convert/to-openapi3.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { readDocument } from "../../generator/load/read-document.js";

/** The shipped specs as OpenAPI 3 JSON, the form every tool in the comparison accepts. */
export async function shippedAsOpenApi3(specsDir: string, cacheDir: string): Promise<string[]> {
  const dir = path.join(cacheDir, "oas3");
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const spec of await discoverSpecs(specsDir)) {
    const { document } = await readDocument(spec.file);
    const file = path.join(dir, `${spec.api}-${spec.version}.json`);
    writeFileSync(file, JSON.stringify(await toOpenApi3(spec.file, document)));
    files.push(file);
  }
  return files;
}

export const OCTOKIT_OPENAPI = "@octokit/openapi@23.0.2";

/**
 * GitHub's REST API descriptions from the `@octokit/openapi` package, fetched once with
 * `npm pack` into the cache folder (never a project dependency).
 */
export function githubDescriptions(cacheDir: string): { current: string; ghes318: string; ghes319: string } {
  const dir = path.join(cacheDir, "octokit");
  const generated = path.join(dir, "package", "generated");
  const files = {
    current: path.join(generated, "api.github.com.json"),
    ghes318: path.join(generated, "ghes-3.18.json"),
    ghes319: path.join(generated, "ghes-3.19.json"),
  };
  if (!Object.values(files).every(existsSync)) {
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync("npm", ["pack", OCTOKIT_OPENAPI, "--silent"], { cwd: dir, encoding: "utf8" }).trim().split("\n").at(-1)!;
    execFileSync("tar", ["xzf", tarball, ...Object.values(files).map((f) => path.relative(dir, f))], { cwd: dir });
  }
  return files;
}

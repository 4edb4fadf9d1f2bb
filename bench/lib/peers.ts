import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The peer generators (orval, Hey API) are the bench's own dependencies, pinned by
 * bench/package-lock.json, so the project's `npm ci` does not install them. They are installed
 * into bench/node_modules when missing or when the lockfile changed since the last install;
 * the tools in bench/tools resolve them from there.
 */
export function ensureBenchPeers(benchDir: string): string {
  const modules = path.join(benchDir, "node_modules");
  const stamp = path.join(modules, ".installed-lock-sha256");
  const lockHash = createHash("sha256")
    .update(readFileSync(path.join(benchDir, "package-lock.json")))
    .digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === lockHash) return modules;
  process.stderr.write("bench: installing the peer generators from bench/package-lock.json\n");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: benchDir, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`npm ci in ${benchDir} failed (exit ${result.status}); the peer generators are needed for the comparisons.`);
  writeFileSync(stamp, lockHash);
  return modules;
}

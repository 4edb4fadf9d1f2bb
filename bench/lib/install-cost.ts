import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** What a fresh clone's `npm ci` costs: its time, what it installs, and the warnings it prints. */
export interface InstallCost {
  seconds: number;
  packages: number;
  megabytes: number;
  /** Lines of npm's output that warn (install scripts not run, deprecations, …). */
  warnings: string[];
}

/**
 * Runs `npm ci` as .ci/run does, in a folder holding only the project's package.json and
 * lockfile (the cache is warm after this checkout's own install, as on a developer's machine).
 */
export function measureInstall(root: string): InstallCost {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-npm-ci-"));
  try {
    for (const file of ["package.json", "package-lock.json"]) copyFileSync(path.join(root, file), path.join(dir, file));
    const started = performance.now();
    const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8" });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`npm ci failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
    const output = `${result.stdout}\n${result.stderr}`;
    const packages = Number(/added (\d+) packages?/.exec(output)?.[1] ?? NaN);
    const du = spawnSync("du", ["-sk", path.join(dir, "node_modules")], { encoding: "utf8" });
    const megabytes = Number(du.stdout.split("\t")[0]) / 1024;
    return { seconds, packages, megabytes, warnings: output.split("\n").filter((line) => /\bwarn/i.test(line)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// What `npm test` runs: the type-check of the whole project beside vitest, not before it. The
// check takes one core for several seconds of a fresh clone's run, a time in which vitest's
// workers, starting and waiting on servers and child processes, leave much of a core idle.
// Its findings are printed after the tests', and either failing fails the run.
// Arguments go to vitest (`npm test -- test/unit`).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../..");
const tsc = require.resolve("typescript/bin/tsc");
const vitest = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");

/** Runs node with `args` in the project; resolves to its exit code (1 for a signal) and, when piped, its output. */
function run(args, { piped }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: piped ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    if (piped) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

const typeCheck = run([tsc, "--noEmit", "-p", "."], { piped: true });
const tests = await run([vitest, "run", ...process.argv.slice(2)], { piped: false });
const checked = await typeCheck;
if (checked.code !== 0) process.stderr.write(`\ntsc --noEmit -p . failed (exit code ${checked.code}):\n${checked.output}`);
else process.stdout.write("tsc --noEmit -p .: no type errors.\n");
process.exitCode = tests.code || checked.code;

import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../support/paths.js";

/** `npm run diff -- pem v10 v17 | head -1`: when the reader has gone, the CLI ends quietly. */
it("a CLI whose reader closes the pipe early exits 0 without a stack", async () => {
  const command = [path.join(ROOT, "generator/launch.mjs"), "diff", "pem", "v10", "v17", "--format", "text"];
  const child = spawn(process.execPath, command, { cwd: ROOT });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdout.destroy();
  const code = await new Promise((resolve) => child.on("close", resolve));
  expect(stderr).not.toMatch(/EPIPE|Error/);
  expect(code).toBe(0);
});

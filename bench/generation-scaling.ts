/*
 * `node --import tsx bench/generation-scaling.ts [--runs N] [--sizes 2000,8000,24000]`: `generate --spec` on
 * synthetic specs of growing size (bench/lib/synthetic-spec.ts), to show that time and memory grow in proportion
 * to the operations. Prints the Markdown table of bench/RESULTS.md's "Generation scaling" section.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { medianOfRuns, timeProcess } from "./lib/measure.js";
import { syntheticSpec } from "./lib/synthetic-spec.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "1" }, sizes: { type: "string", default: "2000,8000,24000" } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cache = path.join(root, "bench", ".cache", "scaling");
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });

const lines = ["| Operations | Spec size | Median | Peak memory | ms per operation |", "|---|---|---|---|---|"];
for (const count of values.sizes.split(",").map(Number)) {
  const spec = path.join(cache, `ops-${count}.json`);
  const text = JSON.stringify(syntheticSpec(count));
  writeFileSync(spec, text);
  const args = ["--import", "tsx", "generator/cli/generate.ts", "--spec", spec, "--api", "synthetic", "--auth", "pmm"];
  const out = ["--naming", "operationId", "--version", "v1", "--out", path.join(cache, `out-${count}`)];
  const sample = medianOfRuns(Number(values.runs), () => timeProcess(process.execPath, [...args, ...out], root));
  const perOperation = ((sample.seconds * 1000) / count).toFixed(2);
  lines.push(
    `| ${count} | ${(text.length / 1024 / 1024).toFixed(1)} MB | ${sample.seconds.toFixed(2)} s | ${Math.round(sample.peakMb)} MB | ${perOperation} |`,
  );
  process.stderr.write(`${lines.at(-1)}\n`);
}
process.stdout.write(`${lines.join("\n")}\n`);

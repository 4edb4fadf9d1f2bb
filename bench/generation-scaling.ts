/*
 * `node --import tsx bench/generation-scaling.ts [--runs N] [--sizes 2000,8000,24000]`: `generate --spec` on
 * synthetic specs of growing size (bench/lib/synthetic-spec.ts), the figure `npm run bench` writes into
 * bench/RESULTS.md as "9. Generation scaling": time and memory grow in proportion to the operations.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measureGenerationScaling } from "./lib/generation-scaling.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "1" }, sizes: { type: "string", default: "2000,8000,24000" } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
for (const s of measureGenerationScaling(root, Number(values.runs), values.sizes.split(",").map(Number)))
  process.stdout.write(
    `${s.operations} operations (${s.specMb.toFixed(1)} MB): ${s.seconds.toFixed(2)} s, ${Math.round(s.peakMb)} MB, ${((s.seconds * 1000) / s.operations).toFixed(2)} ms per operation\n`,
  );

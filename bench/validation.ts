/*
 * `node --import tsx bench/validation.ts [--runs N]`: response validation's figures alone
 * (throughput with and without, validators.js sizes, generation time), as `npm run bench`
 * writes them into bench/RESULTS.md. Uses generated/pmm/v3: run `npm run generate` first.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measureValidation } from "./lib/validation-cost.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { rows, throughputRatio, generationRatio } = await measureValidation(root, Number(values.runs));
for (const row of rows) process.stdout.write(`${row.figure} | ${row.tool} | ${row.value}${row.ratio ? ` | ${row.ratio}` : ""}\n`);
process.stdout.write(
  `validated ÷ unvalidated throughput: ${throughputRatio.toFixed(2)} (target ≥ 0.90); generation with ÷ without validators: ≤ ${generationRatio.toFixed(2)} (target ≤ 1.2)\n`,
);

/*
 * `node --import tsx bench/testing-kit.ts [--runs N]`: the test kit's figures alone (start-up of
 * a fake, listNodes throughput), as `npm run bench` writes them into bench/RESULTS.md.
 * Uses generated/testing: run `npm run generate` first.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measureTestingKit } from "./lib/testing-kit-cost.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { rows, startup, listNodesPerSecond } = await measureTestingKit(root, Number(values.runs));
for (const row of rows) process.stdout.write(`${row.figure} | ${row.tool} | ${row.value}\n`);
for (const [api, { firstMs, nextMs }] of Object.entries(startup))
  process.stdout.write(`${api}: first ${firstMs.toFixed(1)} ms (target ≤ 150), next ${nextMs.toFixed(1)} ms (target ≤ 20)\n`);
process.stdout.write(`listNodes: ${Math.round(listNodesPerSecond)} req/s (target ≥ 5000)\n`);

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { medianOfRuns, type ProcessSample, timeProcess } from "./measure.js";
import { syntheticSpec } from "./synthetic-spec.js";

export interface ScalingSample extends ProcessSample {
  operations: number;
  specMb: number;
}

/** `generate --spec` on a synthetic spec of each size, in bench/.cache/scaling: time and memory should grow in proportion. */
export function measureGenerationScaling(root: string, runs: number, sizes: readonly number[]): ScalingSample[] {
  const cache = path.join(root, "bench", ".cache", "scaling");
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  return sizes.map((operations) => {
    const spec = path.join(cache, `ops-${operations}.json`);
    const text = JSON.stringify(syntheticSpec(operations));
    writeFileSync(spec, text);
    const args = ["generator/launch.mjs", "generate", "--spec", spec, "--api", "synthetic", "--auth", "pmm", "--naming", "operationId"];
    const out = ["--version", "v1", "--out", path.join(cache, `out-${operations}`)];
    const sample = medianOfRuns(runs, () => timeProcess(process.execPath, [...args, ...out], root));
    return { ...sample, operations, specMb: text.length / 1024 / 1024 };
  });
}

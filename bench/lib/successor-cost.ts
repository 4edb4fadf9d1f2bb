import { compareApis } from "../../generator/diff/compare.js";
import { findSuccessors } from "../../generator/diff/successors/find-successors.js";
import type { ApiConfig } from "../../generator/load/api-config.js";
import { loadModel } from "../../generator/pipeline.js";
import { median } from "./measure.js";

export interface SuccessorCost {
  /** Median milliseconds of the whole comparison (checks and successor matching). */
  compareMs: number;
  /** Median milliseconds of successor matching alone, on the same diff. */
  successorMs: number;
  removed: number;
  paired: number;
}

/** What `npm run diff -- <old> <new>` reads the files with when they are no shipped API's. */
const SETTINGS: ApiConfig = { name: "api", auth: "pmm", naming: "operationId", int64: "number" };

/**
 * What successor matching adds to a comparison of two descriptions: both are loaded once, then
 * the comparison and the matching alone are each timed `runs` times, in process.
 */
export async function measureSuccessorCost(oldFile: string, newFile: string, runs: number): Promise<SuccessorCost> {
  const lenient = () => undefined;
  const [before, after] = [await loadModel(oldFile, SETTINGS, "old", { onDefect: lenient }), await loadModel(newFile, SETTINGS, "new", { onDefect: lenient })];
  const compareTimes: number[] = [];
  const successorTimes: number[] = [];
  let comparison = compareApis(before, after);
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    comparison = compareApis(before, after);
    compareTimes.push(performance.now() - started);
    const { diff } = comparison;
    started = performance.now();
    findSuccessors(
      { old: before.document, new: after.document },
      diff.removed,
      [...diff.added, ...diff.matched.map((m) => m.new)],
      new Set(diff.matched.map((m) => m.new)),
    );
    successorTimes.push(performance.now() - started);
  }
  return {
    compareMs: median(compareTimes),
    successorMs: median(successorTimes),
    removed: comparison.diff.removed.length,
    paired: comparison.diff.successors.length,
  };
}

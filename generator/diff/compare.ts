import { deepFreeze } from "../load/recent-results.js";
import type { ApiModel } from "../normalize/build-model.js";
import { type ApiDiff, diffApis } from "./api-diff.js";
import { type Change, LEVELS, type Level } from "./change.js";
import { CHECKS } from "./checks/index.js";
import { describeSuccessor, type SuccessorReport } from "./successors/describe.js";

export interface Comparison {
  old: { api: string; version: string };
  new: { api: string; version: string };
  /** `removed` counts operations nothing took over; `changed` counts those moved or merged (`moved`) too. */
  summary: { added: number; removed: number; moved: number; changed: number; unchanged: number } & Record<Level, number>;
  /** Removed operations paired with the ones that took over their job, and how calls move. */
  successors: SuccessorReport[];
  /** Breaking first, then warnings, then info; within a level by operation. */
  changes: Change[];
  /** Operation keys (`GET /server/{}`) with at least one change. */
  changedOperations: ReadonlySet<string>;
  diff: ApiDiff;
}

/**
 * Comparisons of two frozen models (loadModel's kept ones, which cannot change), by the models:
 * the changelog of every generation, `upgrade` and `diff` in one process compare the same pairs.
 */
const frozenComparisons = new WeakMap<ApiModel, WeakMap<ApiModel, Comparison>>();

/**
 * Runs every check over two versions of an API. Of two frozen models, the comparison is made
 * once, frozen too, and shared.
 */
export function compareApis(before: ApiModel, after: ApiModel): Comparison {
  if (!Object.isFrozen(before) || !Object.isFrozen(after)) return runChecks(before, after);
  let byAfter = frozenComparisons.get(before);
  if (!byAfter) {
    byAfter = new WeakMap();
    frozenComparisons.set(before, byAfter);
  }
  let comparison = byAfter.get(after);
  if (!comparison) {
    comparison = deepFreeze(runChecks(before, after));
    byAfter.set(after, comparison);
  }
  return comparison;
}

function runChecks(before: ApiModel, after: ApiModel): Comparison {
  const diff = diffApis(before, after);
  const changes = CHECKS.flatMap((check) => check.run(diff)).sort(
    (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || compareText(a.operation ?? "", b.operation ?? "") || compareText(a.message, b.message),
  );
  const changedOperations = new Set(
    diff.matched.filter((op) => changes.some((c) => c.operation === `${op.new.model.httpMethod.toUpperCase()} ${op.new.model.path}`)).map((op) => op.key),
  );
  const count = (level: Level) => changes.filter((c) => c.level === level).length;
  const successorTargets = new Set(diff.successors.map((s) => s.new));
  return {
    old: { api: before.api, version: before.version },
    new: { api: after.api, version: after.version },
    summary: {
      added: diff.added.filter((op) => !successorTargets.has(op)).length,
      removed: diff.removed.length - diff.successors.length,
      moved: diff.successors.length,
      changed: changedOperations.size + diff.successors.length,
      unchanged: diff.matched.length - changedOperations.size,
      breaking: count("breaking"),
      warning: count("warning"),
      info: count("info"),
    },
    successors: diff.successors.map((s) => describeSuccessor(before.api, s)),
    changes,
    changedOperations,
    diff,
  };
}

/** Code-point order, the same on every machine (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

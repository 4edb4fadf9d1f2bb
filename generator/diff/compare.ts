import type { ApiModel } from "../normalize/build-model.js";
import { diffApis, type ApiDiff } from "./api-diff.js";
import { LEVELS, type Change, type Level } from "./change.js";
import { CHECKS } from "./checks/index.js";

export interface Comparison {
  old: { api: string; version: string };
  new: { api: string; version: string };
  summary: { added: number; removed: number; changed: number; unchanged: number } & Record<Level, number>;
  /** Breaking first, then warnings, then info; within a level by operation. */
  changes: Change[];
  /** Operation keys (`GET /server/{}`) with at least one change. */
  changedOperations: Set<string>;
  diff: ApiDiff;
}

/** Runs every check over two versions of an API. */
export function compareVersions(before: ApiModel, after: ApiModel): Comparison {
  const diff = diffApis(before, after);
  const changes = CHECKS.flatMap((check) => check.run(diff)).sort(
    (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || compare(a.operation ?? "", b.operation ?? "") || compare(a.message, b.message),
  );
  const changedOperations = new Set(
    diff.matched.filter((op) => changes.some((c) => c.operation === `${op.new.model.method.toUpperCase()} ${op.new.model.path}`)).map((op) => op.key),
  );
  const count = (level: Level) => changes.filter((c) => c.level === level).length;
  return {
    old: { api: before.api, version: before.version },
    new: { api: after.api, version: after.version },
    summary: {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: changedOperations.size,
      unchanged: diff.matched.length - changedOperations.size,
      breaking: count("breaking"),
      warning: count("warning"),
      info: count("info"),
    },
    changes,
    changedOperations,
    diff,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

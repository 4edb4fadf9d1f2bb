import type { Comparison } from "../compare.js";
import type { Change, Level } from "../change.js";

export function title(comparison: Comparison): string {
  const { old: before, new: after } = comparison;
  return before.api === after.api ? `${before.api} ${before.version} → ${after.version}` : `${before.api} ${before.version} → ${after.api} ${after.version}`;
}

export function summaryLine(comparison: Comparison): string {
  const s = comparison.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${s.added} operations added, ${s.removed} removed, ${s.changed} changed; ${plural(s.breaking, "breaking change")}, ${plural(s.warning, "warning")}, ${s.info} info`;
}

/** What a change does to code written against the old client, for the reports; "" where that does not apply. */
export function oldCodeVerdict(change: Change): string {
  if (change.compiles === undefined) return "";
  return change.compiles ? "old code still compiles" : "old code no longer compiles";
}

export const LEVEL_HEADINGS: Record<Level, string> = {
  breaking: "Breaking changes",
  warning: "Warnings",
  info: "Additions and other changes",
};

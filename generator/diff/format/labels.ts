import type { Level } from "../change.js";
import type { Comparison } from "../compare.js";

export function title(comparison: Comparison): string {
  const { old: before, new: after } = comparison;
  return before.api === after.api ? `${before.api} ${before.version} → ${after.version}` : `${before.api} ${before.version} → ${after.api} ${after.version}`;
}

export function summaryLine(comparison: Comparison): string {
  const s = comparison.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const moved = s.moved > 0 ? ` (${s.moved} of them moved or merged)` : "";
  return `${s.added} operations added, ${s.removed} removed, ${s.changed} changed${moved}; ${plural(s.breaking, "breaking change")}, ${plural(s.warning, "warning")}, ${s.info} info`;
}

/**
 * The reports say whether old code still compiles for breaking changes and warnings, where it
 * tells what kind of trouble to expect; additions and other info always compile.
 */
export function showsCompiles(level: Level): boolean {
  return level !== "info";
}

export const LEVEL_HEADINGS: Record<Level, string> = {
  breaking: "Breaking changes",
  warning: "Warnings",
  info: "Additions and other changes",
};

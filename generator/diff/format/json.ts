import type { Comparison } from "../compare.js";

/** For tools: the summary and every change, stable key order. */
export function formatJson(comparison: Comparison): string {
  const { old: before, new: after, summary, changes } = comparison;
  return `${JSON.stringify({ old: before, new: after, summary, changes }, null, 2)}\n`;
}

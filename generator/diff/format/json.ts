import type { Comparison } from "../compare.js";

/** For tools: the summary, each removed operation's successor and every change, stable key order. */
export function formatJson(comparison: Comparison): string {
  const { old: before, new: after, summary, successors, changes } = comparison;
  return `${JSON.stringify({ old: before, new: after, summary, successors, changes }, null, 2)}\n`;
}

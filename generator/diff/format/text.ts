import { printable } from "../../printable.js";
import { LEVELS } from "../change.js";
import type { Comparison } from "../compare.js";
import { LEVEL_HEADINGS, showsCompiles, summaryLine, title } from "./labels.js";

const VERDICTS = { true: " (old code still compiles)", false: " (old code no longer compiles)", undefined: "" } as const;

/** For a terminal: one block per level, one line per change with its TypeScript view below. */
export function formatText(comparison: Comparison): string {
  const lines = [`${printable(title(comparison))}: ${summaryLine(comparison)}`];
  for (const level of LEVELS) {
    const changes = comparison.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    lines.push("", `${LEVEL_HEADINGS[level]} (${changes.length})`);
    for (const change of changes) {
      // Spec text (paths, enum values) is escaped: an ESC or CR in it could rewrite the line on a terminal.
      lines.push(`  ${change.operation ? `${printable(change.operation)}: ` : ""}${printable(change.message)}`);
      if (change.typescript.length > 0)
        lines.push(`      TypeScript: ${printable(change.typescript.join(", "))}${showsCompiles(level) ? VERDICTS[`${change.compiles}`] : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

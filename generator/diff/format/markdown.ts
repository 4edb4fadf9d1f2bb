import { printable } from "../../printable.js";
import { LEVELS } from "../change.js";
import type { Comparison } from "../compare.js";
import { LEVEL_HEADINGS, showsCompiles, summaryLine, title } from "./labels.js";

const COMPILES = { true: "yes", false: "**no**", undefined: "" } as const;

/** A Markdown section: summary, then a table per level, breaking changes first. */
export function formatMarkdown(comparison: Comparison, headingLevel = 1): string {
  const hashes = "#".repeat(headingLevel);
  const parts = [`${hashes} ${printable(title(comparison))}`, "", `${summaryLine(comparison)}.`];
  for (const level of LEVELS) {
    const changes = comparison.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    const compiles = showsCompiles(level);
    parts.push(
      "",
      `${hashes}# ${LEVEL_HEADINGS[level]} (${changes.length})`,
      "",
      `| Operation | Change | TypeScript |${compiles ? " Old code compiles |" : ""}`,
      `|---|---|---|${compiles ? "---|" : ""}`,
    );
    for (const change of changes) {
      const row = `| ${cell(change.operation ? `\`${change.operation}\`` : "API")} | ${cell(change.message)} | ${cell(change.typescript.map((t) => `\`${t}\``).join(", "))} |`;
      parts.push(compiles ? `${row} ${COMPILES[`${change.compiles}`]} |` : row);
    }
  }
  return `${parts.join("\n")}\n`;
}

/** A table cell: spec text escaped as the text format does (printable), and a `|` cannot end the cell. */
export function cell(text: string): string {
  return printable(text.replaceAll("\n", " ")).replaceAll("|", "\\|");
}

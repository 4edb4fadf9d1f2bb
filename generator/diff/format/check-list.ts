import type { Check } from "../change.js";
import { cell } from "./markdown.js";

/** What the list and the README table say of one check. */
interface CheckRow {
  id: string;
  levels: string;
  description: string;
}

function checkRows(checks: readonly Check[]): CheckRow[] {
  return checks.map((check) => ({ id: check.id, levels: check.levels.join(", "), description: check.description }));
}

/** `npm run diff -- --list-checks`: every check, the levels it can report, and why, wrapped for a terminal. */
export function formatCheckList(checks: readonly Check[], width = 100): string {
  const lines = [
    "Breaking: code written against the old client no longer compiles, or no longer works. Warning: worth a look.",
    "Info: additions and other changes. In error responses (4xx, 5xx, default), which code meets as ApiError.body,",
    "a change is breaking only when code that reads the documented error type no longer compiles; else a warning at most.",
    "Schemas are compared through $refs and allOf; read-only properties in requests and write-only ones in responses,",
    "which no call carries, are left out.",
  ];
  for (const row of checkRows(checks)) lines.push("", `${row.id} (${row.levels})`, ...wrap(row.description, width - 4).map((line) => `    ${line}`));
  return `${lines.join("\n")}\n`;
}

/** `npm run diff -- --list-checks --format md`: the same as a Markdown table, README.md's check table. */
export function formatCheckTable(checks: readonly Check[]): string {
  const lines = ["| Check | Levels | What it compares, and why each level |", "|---|---|---|"];
  for (const row of checkRows(checks)) lines.push(`| \`${row.id}\` | ${row.levels} | ${cell(row.description)} |`);
  return `${lines.join("\n")}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

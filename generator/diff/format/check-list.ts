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

/**
 * `npm run diff -- --list-checks`: one line per check (its id, the levels it can report, the
 * first sentence of its description), under what the levels mean. `--format md` gives the whole text.
 */
export function formatCheckList(checks: readonly Check[]): string {
  const rows = checkRows(checks);
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const levelsWidth = Math.max(...rows.map((row) => row.levels.length));
  const lines = [
    "Levels: breaking (code written against the old client no longer compiles, or no longer works), warning (worth a",
    "look), info (additions and other changes). Each check's whole description: --list-checks --format md.",
    "",
    ...rows.map((row) => `${row.id.padEnd(idWidth)}  ${row.levels.padEnd(levelsWidth)}  ${firstSentence(row.description)}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** `npm run diff -- --list-checks --format md`: the same as a Markdown table, README.md's check table. */
export function formatCheckTable(checks: readonly Check[]): string {
  const lines = ["| Check | Levels | What it compares, and why each level |", "|---|---|---|"];
  for (const row of checkRows(checks)) lines.push(`| \`${row.id}\` | ${row.levels} | ${cell(row.description)} |`);
  return `${lines.join("\n")}\n`;
}

/** A description's first sentence: up to the first full stop that ends a sentence. */
function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

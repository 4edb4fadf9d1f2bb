import type { Check } from "../change.js";

/** `npm run diff -- --list-checks`: every check, the levels it can report, and why, wrapped for a terminal. */
export function formatCheckList(checks: readonly Check[], width = 100): string {
  const lines = [
    "Breaking: code written against the old client no longer compiles, or no longer works. Warning: worth a look.",
    "Info: additions and other changes. In error responses (4xx, 5xx, default), which code meets as ApiError.body,",
    "a change is breaking only when code that reads the documented error type no longer compiles; else a warning at most.",
    "Schemas are compared through $refs and allOf; read-only properties in requests and write-only ones in responses,",
    "which no call carries, are left out.",
  ];
  for (const check of checks) lines.push("", `${check.id} (${check.levels.join(", ")})`, ...wrap(check.description, width - 4).map((line) => `    ${line}`));
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

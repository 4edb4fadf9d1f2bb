import type { UpgradeResult } from "./upgrade-project.js";

/** One line per call site, then what the type-check says. */
export function formatUpgradeText(result: UpgradeResult, heading: string, wrote: boolean): string {
  const counts = (status: string) => result.sites.filter((s) => s.status === status).length;
  const lines = [
    `${heading}: ${result.sites.length} calls (${counts("changed")} changed, ${counts("unchanged")} unchanged, ${counts("removed")} removed), ${plural(result.typesRenamed, "type reference")} renamed, ${plural(result.importsMoved, "import")} moved`,
  ];
  for (const site of result.sites) {
    lines.push(`  ${site.file}:${site.line}  ${site.method}()  ${site.status}${site.newCall !== undefined ? `: ${oneLine(site.newCall)}` : ""}`);
    for (const todo of site.todos) lines.push(`      TODO: ${todo}`);
  }
  const verb = wrote ? "changed" : "would change (run with --write to apply)";
  lines.push("", result.files.length > 0 ? `Files it ${verb}: ${result.files.join(", ")}` : "No file needs a change.");
  if (result.skipped.length > 0)
    lines.push(`Skipped, as they lie outside the project's real folder (a symlink or an include out of it): ${result.skipped.join(", ")}`);
  lines.push(
    result.remainingErrors.length === 0
      ? "Type-check against the new version: no errors."
      : `Type-check against the new version: ${result.remainingErrors.length} error${result.remainingErrors.length === 1 ? "" : "s"} left:\n${result.remainingErrors.map((e) => `  ${e}`).join("\n")}`,
  );
  return `${lines.join("\n")}\n`;
}

export function formatUpgradeJson(result: UpgradeResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** Whether a person must still act: a TODO, a removed call or a type error. */
export function needsAPerson(result: UpgradeResult): boolean {
  return result.remainingErrors.length > 0 || result.sites.some((s) => s.todos.length > 0 || s.status === "removed");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function oneLine(text: string): string {
  return text.replace(/,\s*\n\s*\}/g, " }").replace(/\s*\n\s*/g, " ");
}

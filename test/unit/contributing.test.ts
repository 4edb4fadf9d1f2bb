import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../support/paths.js";

/** Every `generator/…` and `templates/…` path in the text; a placeholder (`checks/<id>.ts`) counts up to its folder. */
function namedPaths(text: string): string[] {
  const found = [...text.matchAll(/(?<![\w./-])(?:generator|templates)\/[\w./-]*/g)].map(([match]) => match.replace(/\.+$/, ""));
  return [...new Set(found)].sort();
}

it("every generator/ and templates/ path CONTRIBUTING.md names exists", () => {
  const named = namedPaths(readFileSync(path.join(ROOT, "CONTRIBUTING.md"), "utf8"));
  expect(named.length).toBeGreaterThan(20);
  const missing = named.filter((name) => !existsSync(path.join(ROOT, name)));
  expect(missing, "CONTRIBUTING.md names files that do not exist: fix the paths there").toEqual([]);
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { CHECKS } from "../../generator/diff/checks/index.js";
import { formatCheckTable } from "../../generator/diff/format/check-list.js";
import { ROOT } from "../support/paths.js";

const [START, END] = ["<!-- checks:start -->\n", "<!-- checks:end -->"];

it("README.md's check table is the one the checks' definitions make", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const [start, end] = [readme.indexOf(START), readme.indexOf(END)];
  expect(start >= 0 && end > start, `README.md needs the markers ${START.trim()} and ${END} around the check table`).toBe(true);
  expect(
    readme.slice(start + START.length, end),
    `README.md's check table is out of date: replace the lines between ${START.trim()} and ${END} with the output of \`npm run diff -- --list-checks --format md\``,
  ).toBe(formatCheckTable(CHECKS));
});

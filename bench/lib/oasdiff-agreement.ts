import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { LEVELS, type Level } from "../../generator/diff/change.js";
import { compareApis } from "../../generator/diff/compare.js";
import { loadModel } from "../../generator/pipeline.js";

/** test/fixtures/diff/oasdiff: oasdiff's checker cases, rewritten as our own fixtures (see its README). */
export const OASDIFF_CASES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/diff/oasdiff");

type Side = Record<string, unknown>;

interface CaseFixture {
  rule: string;
  level: "ERR" | "WARN" | "INFO";
  reason?: string;
  openapi?: string;
  operation?: string;
  old: Side;
  new: Side;
}

/** One case with our verdict: the worst level among the changes we report, or "none". */
export interface JudgedCase {
  file: string;
  rule: string;
  level: CaseFixture["level"];
  reason?: string;
  ours: Level | "none";
  changes: string[];
  /** Fields the documents miss that `diff` compared them without (a response's description, …). */
  missing: number;
}

export interface Agreement {
  cases: JudgedCase[];
  /** Their ERR cases, and those of them we report as breaking. */
  errCases: JudgedCase[];
  errBreaking: JudgedCase[];
  /** Their WARN and INFO cases that we report as breaking. */
  stricter: JudgedCase[];
  /** Cases whose verdict differs in kind (an ERR we do not call breaking, a WARN/INFO we do) without a reason. */
  undocumented: JudgedCase[];
}

/** Every case of every file in `dir`, judged by our diff as `npm run diff` judges two files. */
export async function measureAgreement(dir = OASDIFF_CASES_DIR): Promise<Agreement> {
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((file) => (parse(readFileSync(path.join(dir, file), "utf8")) as { cases: CaseFixture[] }).cases.map((c) => [file, c] as const));
  const cases: JudgedCase[] = [];
  for (const [file, fixture] of fixtures) cases.push(await judge(file, fixture));
  const errCases = cases.filter((c) => c.level === "ERR");
  const errBreaking = errCases.filter((c) => c.ours === "breaking");
  const stricter = cases.filter((c) => c.level !== "ERR" && c.ours === "breaking");
  const differs = (c: JudgedCase) => (c.level === "ERR") !== (c.ours === "breaking");
  return { cases, errCases, errBreaking, stricter, undocumented: cases.filter((c) => differs(c) && !c.reason) };
}

async function judge(file: string, fixture: CaseFixture): Promise<JudgedCase> {
  let missing = 0;
  // Read leniently, as `diff` does: a missing description is counted, not fatal.
  const model = (version: string, side: Side) =>
    loadModel(file, { name: "oasdiff", auth: "pmm", naming: "operationId", int64: "number" }, version, {
      document: { openapi: fixture.openapi ?? "3.0.3", info: { title: fixture.rule, version }, ...documentOf(side, fixture.operation ?? "POST /things") },
      onDefect: () => missing++,
    });
  const { changes } = compareApis(await model("v1", fixture.old), await model("v2", fixture.new));
  const worst = LEVELS.find((level) => changes.some((c) => c.level === level)) ?? "none";
  const judged: JudgedCase = { file, rule: fixture.rule, level: fixture.level, ours: worst, changes: changes.map((c) => `${c.level}: ${c.message}`), missing };
  if (fixture.reason) judged.reason = fixture.reason;
  return judged;
}

/** A side that is one operation (with `body` and `response` as shorthands) → a document with that operation alone. */
function documentOf(side: Side, at: string): Side {
  if ("paths" in side) return side;
  const { components, body, response, ...operation } = side;
  const [method, route] = at.split(" ") as [string, string];
  const fields: Side = { operationId: "Op", tags: ["things"], responses: { "200": { description: "" } }, ...operation };
  if (body) fields.requestBody = { content: { "application/json": { schema: body } } };
  if (response) fields.responses = { "200": { description: "", content: { "application/json": { schema: response } } } };
  return { ...(components ? { components } : {}), paths: { [route]: { [method.toLowerCase()]: fields } } };
}

/** The measurement as a section of bench/RESULTS.md: method, the two figures, and every case behind them. */
export function agreementSection(agreement: Agreement): string {
  const { cases, errCases, errBreaking, stricter } = agreement;
  const share = ((100 * errBreaking.length) / Math.max(errCases.length, 1)).toFixed(1);
  const missed = errCases.filter((c) => c.ours !== "breaking");
  const undocumented = (list: JudgedCase[]) => list.filter((c) => !c.reason).length;
  const [missedUndocumented, stricterUndocumented] = [undocumented(missed), undocumented(stricter)];
  const lenient = cases.filter((c) => c.missing > 0).length;
  const lines = [
    "## Breaking-change verdicts beside oasdiff",
    "",
    "Method: oasdiff's checker tests (`checker/*_test.go` with their `data/checker/` documents) say which rule each change",
    "triggers; its rule set (`checker/rules.go`) gives the level (ERR = breaking, WARN, INFO). Each case is rewritten as our own old/new documents in",
    `test/fixtures/diff/oasdiff/ (${cases.length} cases, ${lenient} of them with documents that miss a response description or a`,
    "parameter schema) and compared by `npm run diff`'s engine; our verdict is the worst level it reports. A case where the",
    "verdicts differ in kind carries its reason in the fixture; test/unit/diff-checks.test.ts fails on one without.",
    "`node --import tsx bench/oasdiff-agreement.ts` prints this section on its own.",
    "",
    "| Target | Measured | Met |",
    "|---|---|---|",
    `| their ERR cases we report as breaking ≥ 95%, each exception documented | ${errBreaking.length} of ${errCases.length} (${share}%), ${missedUndocumented} undocumented | ${errBreaking.length >= 0.95 * errCases.length && missedUndocumented === 0 ? "yes" : "**no**"} |`,
    `| our breaking verdicts on cases they rate WARN/INFO, without a documented reason = 0 | ${stricterUndocumented} (${stricter.length - stricterUndocumented} documented) | ${stricterUndocumented === 0 ? "yes" : "**no**"} |`,
    "",
  ];
  if (missed.length + stricter.length > 0) lines.push("Where the verdicts differ:", "");
  for (const c of missed) lines.push(`- ERR \`${c.rule}\`, ours ${c.ours}: ${c.reason ?? "no reason given"}.`);
  for (const c of stricter) lines.push(`- ${c.level} \`${c.rule}\`, ours breaking: ${c.reason ?? "no reason given"}.`);
  return `${lines.join("\n")}\n`;
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { compareApis } from "../../generator/diff/compare.js";
import { readDocument } from "../../generator/load/read-document.js";
import { loadModel } from "../../generator/pipeline.js";

/** test/fixtures/diff/openapi-diff: OpenAPITools/openapi-diff's backward-compatibility tests and their documents (see its README). */
export const OPENAPI_DIFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/diff/openapi-diff");

type Verdict = "incompatible" | "compatible" | "unchanged";

interface PeerCase {
  test: string;
  old: string;
  new: string;
  verdict: Verdict;
  reason?: string;
}

export interface PeerJudgedCase extends PeerCase {
  /** Whether we report a breaking change; undefined where we refused a document (`refused` says why). */
  breaking?: boolean;
  refused?: string;
  changes: string[];
  /** Warnings of lenient reading, over both documents. */
  defects: number;
}

export interface PeerAgreement {
  cases: PeerJudgedCase[];
  incompatible: PeerJudgedCase[];
  caught: PeerJudgedCase[];
  /** Cases they call compatible or unchanged that we report as breaking. */
  stricter: PeerJudgedCase[];
  refused: PeerJudgedCase[];
  /** Cases whose verdict differs in kind without a reason. */
  undocumented: PeerJudgedCase[];
}

/** Every case, both documents read as `npm run diff` reads two files (leniently), judged by its engine. */
export async function measurePeerAgreement(dir = OPENAPI_DIFF_DIR): Promise<PeerAgreement> {
  const { cases: peerCases } = parse(readFileSync(path.join(dir, "cases.yaml"), "utf8")) as { cases: PeerCase[] };
  const cases: PeerJudgedCase[] = [];
  for (const peerCase of peerCases) cases.push(await judge(dir, peerCase));
  const incompatible = cases.filter((c) => c.verdict === "incompatible");
  const caught = incompatible.filter((c) => c.breaking === true);
  const stricter = cases.filter((c) => c.verdict !== "incompatible" && c.breaking === true);
  const differs = (c: PeerJudgedCase) => c.breaking === undefined || (c.verdict === "incompatible") !== c.breaking;
  return { cases, incompatible, caught, stricter, refused: cases.filter((c) => c.refused), undocumented: cases.filter((c) => differs(c) && !c.reason) };
}

async function judge(dir: string, peerCase: PeerCase): Promise<PeerJudgedCase> {
  let defects = 0;
  const model = async (version: string, file: string) => {
    const where = path.join(dir, "documents", file);
    const { document } = await readDocument(where);
    return loadModel(where, { name: "openapi-diff", auth: "pmm", naming: "operationId", int64: "number" }, version, { document, onDefect: () => defects++ });
  };
  try {
    const { changes } = compareApis(await model("v1", peerCase.old), await model("v2", peerCase.new));
    return { ...peerCase, breaking: changes.some((c) => c.level === "breaking"), changes: changes.map((c) => `${c.level}: ${c.message}`), defects };
  } catch (error) {
    return { ...peerCase, refused: error instanceof Error ? error.message : String(error), changes: [], defects };
  }
}

/** The measurement as a section of bench/RESULTS.md: method, the figures, and every disagreement with its reason. */
export function peerAgreementSection(agreement: PeerAgreement): string {
  const { cases, incompatible, caught, stricter, refused } = agreement;
  const share = ((100 * caught.length) / Math.max(incompatible.length, 1)).toFixed(1);
  const missed = incompatible.filter((c) => c.breaking === false);
  const undocumented = (list: PeerJudgedCase[]) => list.filter((c) => !c.reason).length;
  const lenient = cases.filter((c) => c.defects > 0).length;
  const lines = [
    "## Breaking-change verdicts beside openapi-diff",
    "",
    "Method: OpenAPITools/openapi-diff's backward-compatibility tests (`core/src/test/java/…/backcompat/*BCTest.java`), each",
    "comparing two of its own YAML documents (`core/src/test/resources/`) and asserting incompatible, compatible or unchanged",
    `at its default settings. The ${cases.length} cases and their documents, used as given (Apache-2.0), are in`,
    "test/fixtures/diff/openapi-diff/; each pair is read leniently and compared by `npm run diff`'s engine",
    `(${lenient} cases read past a defect with a warning). Our verdict: breaking when we report any breaking change.`,
    "A case where the verdicts differ in kind carries its reason in cases.yaml; test/unit/diff-peer-agreement.test.ts",
    "fails on one without.",
    "",
    "| Target | Measured | Met |",
    "|---|---|---|",
    `| their incompatible cases we report as breaking ≥ 90% | ${caught.length} of ${incompatible.length} (${share}%), ${undocumented(missed)} undocumented | ${caught.length >= 0.9 * incompatible.length && undocumented(missed) === 0 ? "yes" : "**no**"} |`,
    `| documents they read that we refuse = 0 | ${refused.length} | ${refused.length === 0 ? "yes" : "**no**"} |`,
    `| our breaking verdicts on cases they call compatible, without a documented reason = 0 | ${undocumented(stricter)} (${stricter.length - undocumented(stricter)} documented) | ${undocumented(stricter) === 0 ? "yes" : "**no**"} |`,
    "",
  ];
  if (missed.length + stricter.length > 0) lines.push("Where the verdicts differ:", "");
  for (const c of missed) lines.push(`- incompatible \`${c.test}\`, ours not breaking: ${c.reason ?? "no reason given"}.`);
  for (const c of stricter) lines.push(`- ${c.verdict} \`${c.test}\`, ours breaking: ${c.reason ?? "no reason given"}.`);
  return `${lines.join("\n")}\n`;
}

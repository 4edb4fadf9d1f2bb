import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { diffApis } from "../../generator/diff/api-diff.js";
import { describeSuccessor } from "../../generator/diff/successors/describe.js";
import { readApiConfig } from "../../generator/load/api-config.js";
import { loadModel } from "../../generator/pipeline.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TRUTH_DIR = path.join(ROOT, "test/fixtures/successors");
/** Real PMM specs beside the worktree (`../shared/reference/pmm`). */
export const PMM_REFERENCE_DIR = path.resolve(ROOT, "../shared/reference/pmm");

/** A pair of real PMM versions that the matcher was not tuned on, and its truth file. */
export interface SuccessorPair {
  label: string;
  old: string;
  new: string;
  truth: string;
}

export const UNTUNED_PAIRS: readonly SuccessorPair[] = [
  { label: "PMM 2.0 → 3.1", old: "pmm-2.0.swagger.json", new: "pmm-3.1.swagger.json", truth: "pmm-2.0-3.1.yaml" },
  { label: "PMM 2.30 → 3.1", old: "pmm-2.30.swagger.json", new: "pmm-3.1.swagger.json", truth: "pmm-2.30-3.1.yaml" },
];

export interface SuccessorScore {
  pair: SuccessorPair;
  removed: number;
  /** Removed operations that have a successor by the truth, pairs found, and those found right. */
  expected: number;
  found: number;
  right: number;
  wrong: string[];
  /** Operations with a successor by the truth that the matcher left unpaired. */
  missed: string[];
  /** Removed operations the truth says nothing about (none, when it is complete). */
  unjudged: string[];
}

/**
 * The matcher's pairs on `pair`, scored against its truth: the pair's own labels, else the label
 * of pmm-v2-v3.yaml (PMM 2.44 → 3.8) where its v3 operation exists in the pair's new version.
 */
export async function scoreSuccessors(pair: SuccessorPair, dir = PMM_REFERENCE_DIR): Promise<SuccessorScore> {
  const read = (file: string) => parse(readFileSync(path.join(TRUTH_DIR, file), "utf8")) as Record<string, string | null>;
  const [own, inherited] = [read(pair.truth), read("pmm-v2-v3.yaml")];
  const config = await readApiConfig(path.join(ROOT, "specs/pmm"));
  // Read as `diff` reads them: these are vendors' files, not specs to generate from.
  const [before, after] = await Promise.all([
    loadModel(path.join(dir, pair.old), config, "old", { onDefect: () => undefined }),
    loadModel(path.join(dir, pair.new), config, "new", { onDefect: () => undefined }),
  ]);
  const diff = diffApis(before, after);
  const present = new Set(after.operations.map((o) => `${o.httpMethod.toUpperCase()} ${o.path}`));
  const found = new Map(diff.successors.map((s) => describeSuccessor("pmm", s)).map((r) => [r.old, `${r.new}${r.key !== undefined ? ` ${r.key}` : ""}`]));
  const score: SuccessorScore = { pair, removed: diff.removed.length, expected: 0, found: 0, right: 0, wrong: [], missed: [], unjudged: [] };
  for (const op of diff.removed) {
    const label = `${op.model.httpMethod.toUpperCase()} ${op.model.path}`;
    const label244 = inherited[label];
    const truth = label in own ? own[label] : label244 === null || (label244 && present.has(label244.split(" ").slice(0, 2).join(" "))) ? label244 : undefined;
    if (truth === undefined) {
      score.unjudged.push(label);
      continue;
    }
    if (truth !== null) score.expected++;
    const answer = found.get(label);
    if (answer === undefined) {
      if (truth !== null) score.missed.push(`${label} (truth: ${truth})`);
      continue;
    }
    score.found++;
    if (answer === truth) score.right++;
    else score.wrong.push(`${label} → ${answer} (truth: ${truth ?? "none"})`);
  }
  return score;
}

/** The scores as a section of bench/RESULTS.md. */
export function successorSection(scores: SuccessorScore[]): string {
  const percent = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  const lines = [
    "## Successor matching on a pair it was not tuned on",
    "",
    "Method: the matcher was tuned on PMM 2.44 → 3.8 (test/fixtures/successors/pmm-v2-v3.yaml). Here it pairs the removed",
    "operations of another real pair from ../shared/reference/pmm/, scored against test/fixtures/successors/<pair>.yaml",
    "(hand-judged where 2.44 no longer has the operation, else 2.44's label where its target exists in the new version).",
    "Precision: pairs found that are right; recall: operations with a successor that are paired right.",
    "`node --import tsx bench/successor-agreement.ts` prints this section.",
    "",
    "| Pair | Removed | With a successor | Paired | Right | Precision | Recall | Unjudged |",
    "|---|---|---|---|---|---|---|---|",
    ...scores.map(
      (s) =>
        `| ${s.pair.label} | ${s.removed} | ${s.expected} | ${s.found} | ${s.right} | ${percent(s.right, s.found)} | ${percent(s.right, s.expected)} | ${s.unjudged.length} |`,
    ),
    "",
  ];
  for (const s of scores) {
    for (const wrong of s.wrong) lines.push(`- ${s.pair.label}, wrong: ${wrong}`);
    for (const missed of s.missed) lines.push(`- ${s.pair.label}, left unpaired: ${missed}`);
  }
  return `${lines.join("\n")}\n`;
}

import { clientMethod } from "../../normalize/public-names.js";
import type { OperationRef } from "../api-diff.js";
import { operationLabel } from "../change.js";
import { type CallMoves, callMoves } from "./input-moves.js";
import { type OperationProfile, profileOperation } from "./operation-profile.js";
import { bigramSimilarity, jaccard, squashed, words } from "./words.js";

/** A removed operation and the one that took over its job. */
export interface Successor extends CallMoves {
  old: OperationRef;
  new: OperationRef;
  /** moved: one old → one new; merged: the new one takes several, told apart by `key`. */
  kind: "moved" | "merged";
  /** The body property the new operation is addressed by (`generic` in `{ body: { generic: {...} } }`). */
  key?: string;
  /** 0..1: the weighted agreement of the signals in WEIGHTS. */
  confidence: number;
  evidence: string[];
}

/**
 * Below this, a removed operation is reported as removed: a wrong successor costs more than none.
 * Set once, in the gap of PMM 2 → 3's scores (pairs judged wrong by hand scored 0.35 at most,
 * right ones 0.52 at least), not fitted pair by pair.
 */
const SUCCESSOR_THRESHOLD = 0.45;

/**
 * Signal weights. The name carries most (grpc-gateway APIs keep operationIds when paths move);
 * the input and output field overlap tell apart same-named operations of different services.
 * `key` counts only for a merge: a body key that the old name names is evidence of its own.
 */
const WEIGHTS = { name: 0.35, key: 0.25, inputs: 0.2, outputs: 0.15, path: 0.15, namespace: 0.1, verb: 0.05 } as const;
type Signal = keyof typeof WEIGHTS;

interface Candidate {
  before: OperationProfile;
  after: OperationProfile;
  key?: string;
  score: number;
  signals: Partial<Record<Signal, number>>;
}

/**
 * Pairs removed operations with their successors among the new version's operations. `taken`
 * are new operations that already continue an old one under the same method and path: they
 * can still absorb others as a merge, never as a move.
 */
export function findSuccessors(
  documents: { old: unknown; new: unknown },
  removed: OperationRef[],
  candidates: OperationRef[],
  taken: ReadonlySet<OperationRef>,
): Successor[] {
  if (removed.length === 0) return [];
  const olds = removed.map((ref) => profileOperation(documents.old, ref));
  const news = candidates.map((ref) => profileOperation(documents.new, ref));
  const scored = olds.flatMap((before) => news.map((after) => score(before, after))).filter((c) => c.score >= SUCCESSOR_THRESHOLD);
  // Best first; ties by label, so the pairing does not depend on the order of the spec.
  scored.sort((a, b) => b.score - a.score || compare(a.before.label, b.before.label) || compare(a.after.label, b.after.label));
  const claimed = new Set<string>([...taken].map((ref) => operationLabel(ref.model)));
  const assigned = new Map<OperationRef, Successor>();
  for (const candidate of scored) {
    if (assigned.has(candidate.before.ref)) continue;
    const slot = candidate.key === undefined ? candidate.after.label : `${candidate.after.label} ${candidate.key}`;
    if (claimed.has(slot)) continue;
    claimed.add(slot);
    assigned.set(candidate.before.ref, successor(documents, candidate));
  }
  return removed.flatMap((ref) => assigned.get(ref) ?? []);
}

function score(before: OperationProfile, after: OperationProfile): Candidate {
  const key = impliedKey(before, after);
  const afterInputs = new Set(after.inputs.keys());
  if (key !== undefined) {
    for (const k of after.bodyKeys.keys()) afterInputs.delete(k);
  }
  const signals: Partial<Record<Signal, number>> = {
    name: key === undefined ? bigramSimilarity(before.name, after.name) : keyedNameSimilarity(before, after, key),
    inputs: inputAgreement(new Set(before.inputs.keys()), key === undefined ? afterInputs : new Set([...afterInputs, ...after.bodyKeys.get(key)!])),
    outputs: jaccard(before.outputs, after.outputs),
    path: jaccard(before.pathWords, after.pathWords),
    namespace: before.namespace === after.namespace ? 1 : before.namespace.includes(after.namespace) || after.namespace.includes(before.namespace) ? 0.8 : 0,
    verb: before.verb === after.verb || after.pathWords.has(before.verb) ? 1 : 0,
    ...(key !== undefined ? { key: 1 } : {}),
  };
  let [sum, weight] = [0, 0];
  for (const signal of Object.keys(WEIGHTS) as Signal[]) {
    const value = signals[signal];
    if (value === undefined) continue;
    sum += value * WEIGHTS[signal];
    weight += WEIGHTS[signal];
  }
  return { before, after, ...(key !== undefined ? { key } : {}), score: weight === 0 ? 0 : sum / weight, signals };
}

/**
 * How well the new inputs fit the old: the overlap of both, averaged with the share of old
 * inputs the new operation still takes (a successor often takes more: `changeService` took over
 * `addCustomLabels`' two fields among its six).
 */
function inputAgreement(before: Set<string>, after: Set<string>): number | undefined {
  const overlap = jaccard(before, after);
  if (overlap === undefined || before.size === 0) return overlap;
  return (overlap + [...before].filter((f) => after.has(f)).length / before.size) / 2;
}

/**
 * The body key of a merged operation that the old name names, spelled alike (`addMySQLdExporter`
 * → `mysqld_exporter`) or word for word (`startPostgreSQLShowIndexAction` → `postgres_show_index`).
 * The longest wins (`mysqld_exporter` over `mysql`); a key the new name itself holds is no
 * choice among variants.
 */
function impliedKey(before: OperationProfile, after: OperationProfile): string | undefined {
  const named = (key: string) => before.name.includes(squashed(key)) || words(key).every((w) => before.nameWords.has(w));
  const keys = [...after.bodyKeys.keys()].filter((k) => named(k) && !after.name.includes(squashed(k)));
  return keys.sort((a, b) => squashed(b).length - squashed(a).length || compare(a, b))[0];
}

/**
 * A merged operation's name drops the variant the key now carries: `addGenericNode` is
 * `addNode` with `generic`, `addMySQL` is `addService` with `mysql` (nothing left but the verb).
 */
function keyedNameSimilarity(before: OperationProfile, after: OperationProfile, key: string): number {
  if (before.verb !== after.verb) return 0;
  const rest = before.object.replace(squashed(key), "");
  return rest === "" ? 0.9 : bigramSimilarity(rest, after.object);
}

function successor(documents: { old: unknown; new: unknown }, candidate: Candidate): Successor {
  const { before, after, key, signals } = candidate;
  const evidence = [
    key === undefined
      ? `method names ${nameOf(before)} and ${nameOf(after)}: ${percent(signals.name)} alike`
      : `${nameOf(after)} takes the body key "${key}" that ${nameOf(before)} names`,
    signals.namespace === 1 ? `same namespace ${before.ref.model.namespace}` : `namespace ${before.ref.model.namespace} → ${after.ref.model.namespace}`,
    `path words ${percent(signals.path)} shared`,
    ...(signals.inputs !== undefined ? [`input fields ${percent(signals.inputs)} shared`] : []),
    ...(signals.outputs !== undefined ? [`response fields ${percent(signals.outputs)} shared`] : []),
    ...(signals.verb === 1 ? [`${after.label} does what "${before.verb}" says`] : []),
  ];
  return {
    old: before.ref,
    new: after.ref,
    kind: key === undefined ? "moved" : "merged",
    ...(key !== undefined ? { key } : {}),
    confidence: Math.round(candidate.score * 100) / 100,
    evidence,
    ...callMoves(documents, before, after, key),
  };
}

function nameOf(profile: OperationProfile): string {
  return `${clientMethod(profile.ref.model)}()`;
}

function percent(value: number | undefined): string {
  return `${Math.round((value ?? 0) * 100)}%`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

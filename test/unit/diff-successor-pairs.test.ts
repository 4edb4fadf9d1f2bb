import path from "node:path";
import { describe, expect, it } from "vitest";
import { scoreSuccessors, UNTUNED_PAIRS } from "../../bench/lib/successor-agreement.js";
import { hasReference, NEEDS_REFERENCE, REFERENCE_DIR } from "../support/paths.js";

/** The successor matcher on real PMM pairs it was not tuned on (bench/RESULTS.md shows the same scores). */
describe("successors on PMM pairs the matcher was not tuned on", () => {
  if (!hasReference) {
    it.skip(`scores every pair (${NEEDS_REFERENCE})`);
    return;
  }
  it.each(UNTUNED_PAIRS.map((pair) => [pair.label, pair] as const))(
    "%s: every removed operation judged, nearly every pair right",
    async (_label, pair) => {
      const score = await scoreSuccessors(pair, path.join(REFERENCE_DIR, "pmm"));
      expect(score.unjudged).toEqual([]);
      expect(score.right / score.found, score.wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
      expect(score.right / score.expected, score.missed.join("\n")).toBeGreaterThanOrEqual(0.9);
    },
    60_000,
  );
});

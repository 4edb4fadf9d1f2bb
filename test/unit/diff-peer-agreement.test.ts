import { describe, expect, it } from "vitest";
import { measurePeerAgreement } from "../../bench/lib/openapi-diff-agreement.js";

/** OpenAPITools/openapi-diff's backward-compatibility tests on its own documents (test/fixtures/diff/openapi-diff/). */
describe("agreement with openapi-diff's backward-compatibility tests", () => {
  it("reads every document it reads, and differs only with a documented reason", async () => {
    const agreement = await measurePeerAgreement();
    expect(agreement.incompatible.length).toBeGreaterThan(50);
    expect(agreement.refused.map((c) => `${c.test}: ${c.refused}`)).toEqual([]);
    expect(agreement.undocumented.map((c) => `${c.verdict} ${c.test}: breaking ${c.breaking}`)).toEqual([]);
    // A reason on a case whose verdicts agree is stale.
    const stale = agreement.cases.filter((c) => c.reason && (c.verdict === "incompatible") === c.breaking);
    expect(stale.map((c) => c.test)).toEqual([]);
  }, 120_000);

  it("reports as breaking at least 90% of the changes it calls incompatible (the issue's target)", async () => {
    const { incompatible, caught } = await measurePeerAgreement();
    expect(caught.length / incompatible.length).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});

import { readFileSync } from "node:fs";
import path from "node:path";
import type { OpenAPIV3 } from "openapi-types";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { measureAgreement } from "../../bench/lib/oasdiff-agreement.js";
import type { ApiDiff } from "../../generator/diff/api-diff.js";
import { defineCheck } from "../../generator/diff/change.js";
import { CHECKS } from "../../generator/diff/checks/index.js";
import { compareApis } from "../../generator/diff/compare.js";
import type { Pointers } from "../../generator/diff/pointers.js";
import type { ApiConfig } from "../../generator/load/api-config.js";
import { buildModel } from "../../generator/normalize/build-model.js";
import type { Defect } from "../../generator/validate/defects.js";
import { validateDocument } from "../../generator/validate/validate-document.js";
import { type CallResult, FIXTURE_SETTINGS, fixtureDocument, typeCheckOldCalls } from "../support/old-calls.js";

/** Each check has a fixture in test/fixtures/diff/<check>.yaml: an old and a new document and the changes expected. */
const config: ApiConfig = { name: "fixture", ...FIXTURE_SETTINGS };

function model(version: string, partial: Record<string, unknown>) {
  return buildModel("fixture", version, config, fixtureDocument(version, partial) as unknown as OpenAPIV3.Document);
}

interface Expected {
  level: string;
  operation?: string;
  message: string;
  typescript?: string;
  /** Code written against the old client that the change touches: its verdict is proven by compiling it against both clients. */
  call?: string;
  /** Where the change is in the old and new document (only `new` for an addition, only `old` for a removal). */
  pointers?: Pointers;
}

interface Fixture {
  old: Record<string, unknown>;
  new: Record<string, unknown>;
  expect: Expected[];
}

const fixtures = new Map(CHECKS.map((c) => [c.id, parse(readFileSync(path.join(import.meta.dirname, "../fixtures/diff", `${c.id}.yaml`), "utf8")) as Fixture]));

function changesOf(id: string) {
  const fixture = fixtures.get(id)!;
  return compareApis(model("v1", fixture.old), model("v2", fixture.new)).changes.filter((c) => c.check === id);
}

function matching(found: ReturnType<typeof changesOf>, expected: Expected) {
  return found.find(
    (c) => c.level === expected.level && c.message.includes(expected.message) && (expected.operation === undefined || c.operation === expected.operation),
  );
}

describe.each(CHECKS.map((c) => [c.id] as const))("check %s", (id) => {
  const fixture = fixtures.get(id)!;

  it("reports the fixture's changes with their levels", () => {
    const found = changesOf(id);
    expect(found).toHaveLength(fixture.expect.length);
    for (const expected of fixture.expect) {
      const match = matching(found, expected);
      expect(match, `${expected.level}: ${expected.message}\nfound:\n${found.map((c) => `${c.level}: ${c.operation} ${c.message}`).join("\n")}`).toBeDefined();
      if (expected.typescript) expect(match!.typescript).toContain(expected.typescript);
      if (expected.pointers) expect(match!.pointers, expected.message).toEqual(expected.pointers);
    }
  });

  it("reports nothing when old and new are the same", () => {
    expect(compareApis(model("v1", fixture.old), model("v1", fixture.old)).changes).toEqual([]);
  });
});

/**
 * Breaking means code written against the old client no longer compiles or no longer works.
 * Each fixture line with a `call` proves the compiling half: the call compiles against the old
 * client, and against the new one exactly when the change says `compiles`; one that stops
 * compiling must be breaking.
 */
describe("verdicts proven by compiling old calls against both generated clients", () => {
  const cases = [...fixtures].flatMap(([id, fixture]) => fixture.expect.filter((e) => e.call).map((expected) => ({ id, expected })));
  let results: CallResult[] = [];

  beforeAll(async () => {
    const used = [...new Set(cases.map((c) => c.id))].map((id) => ({ name: id, old: fixtures.get(id)!.old, new: fixtures.get(id)!.new }));
    results = await typeCheckOldCalls(
      used,
      cases.map((c) => ({ fixture: c.id, code: c.expected.call! })),
    );
  }, 120_000);

  it.each(cases.map((c, index) => [`${c.id}: ${c.expected.message}`, index] as const))("%s", (_label, index) => {
    const { id, expected } = cases[index]!;
    const result = results[index]!;
    expect(result.old, "the call must compile against the old client").toEqual([]);
    const change = matching(changesOf(id), expected)!;
    const compiles = result.new.length === 0;
    expect(change.compiles, `the report says compiles: ${change.compiles}; the compiler says:\n${result.new.join("\n")}`).toBe(compiles);
    if (!compiles) expect(change.level).toBe("breaking");
  });
});

/** oasdiff's checker cases, rewritten in test/fixtures/diff/oasdiff/; `npm run bench` reports the same figures. */
describe("agreement with oasdiff's checker cases", () => {
  it("reports at least 95% of their breaking (ERR) cases as breaking, and differs elsewhere only with a documented reason", async () => {
    const agreement = await measureAgreement();
    expect(agreement.errCases.length).toBeGreaterThan(50);
    expect(agreement.errBreaking.length / agreement.errCases.length).toBeGreaterThanOrEqual(0.95);
    expect(agreement.undocumented.map((c) => `${c.level} ${c.rule}: ours ${c.ours}`)).toEqual([]);
    // A reason on a case whose verdicts agree is stale.
    const stale = agreement.cases.filter((c) => c.reason && (c.level === "ERR") === (c.ours === "breaking"));
    expect(stale.map((c) => c.rule)).toEqual([]);
    // The documents that miss a response description or a parameter schema are compared, not refused.
    expect(agreement.cases.filter((c) => c.missing > 0).length).toBeGreaterThan(0);
  });
});

describe("reading slightly invalid documents for a diff", () => {
  const swagger2 = {
    swagger: "2.0",
    info: { title: "vendor", version: "1" },
    paths: { "/things": { get: { parameters: [{ name: "q", in: "query" }], responses: { "200": { schema: { type: "object" } } } } } },
  };

  it("reports each missing field with its pointer, and still refuses a document without paths", async () => {
    const missing: Defect[] = [];
    await validateDocument("vendor.json", swagger2, (problem) => missing.push(problem));
    expect(missing).toEqual([
      { pointer: "/paths/~1things/get/parameters/0", problem: "the parameter's `type` is missing", handling: "compared without it" },
      { pointer: "/paths/~1things/get/responses/200", problem: "the response's `description` is missing", handling: "compared without it" },
    ]);
    // Only a document whose paths cannot be read at all is refused (test/unit/diff-lenient.test.ts reads the rest).
    await expect(validateDocument("vendor.json", { ...swagger2, paths: [] }, () => undefined)).rejects.toThrow(
      /vendor\.json at \/paths: has no `paths` object/,
    );
  });

  it("stays strict without a place to report them, as generate reads documents", async () => {
    await expect(validateDocument("vendor.json", swagger2)).rejects.toThrow(
      /vendor\.json at \/paths\/~1things\/get\/parameters\/0: is not a valid Swagger 2\.0 document/,
    );
  });
});

describe("defineCheck", () => {
  it("holds a check to the levels its description justifies", () => {
    const check = defineCheck({
      id: "demo",
      description: "Reports info only.",
      levels: ["info"],
      run: () => [{ level: "breaking", message: "something", typescript: [], pointers: {} }],
    });
    expect(() => check.run({} as ApiDiff)).toThrow("check demo reported a breaking change, outside its definition: something");
  });

  it("reports each finding under the check's id, written once", () => {
    const check = defineCheck({
      id: "demo",
      description: "Reports info only.",
      levels: ["info"],
      run: () => [{ level: "info", message: "something", typescript: [], pointers: {} }],
    });
    expect(check.run({} as ApiDiff)).toEqual([{ check: "demo", level: "info", message: "something", typescript: [], pointers: {} }]);
  });
});

describe("the diff engine", () => {
  it("swaps added and removed when old and new swap", () => {
    const fixture = fixtures.get("operation-added")!;
    const forward = compareApis(model("v1", fixture.old), model("v2", fixture.new));
    const backward = compareApis(model("v2", fixture.new), model("v1", fixture.old));
    expect([forward.summary.added, forward.summary.removed]).toEqual([backward.summary.removed, backward.summary.added]);
    expect(forward.changes.map((c) => c.operation)).toEqual(backward.changes.map((c) => c.operation));
  });

  it("terminates on recursive schemas and still finds changes inside them", () => {
    const tree = (extra: Record<string, unknown>) => ({
      components: {
        schemas: {
          Node: {
            type: "object",
            properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } }, parent: { $ref: "#/components/schemas/Node" }, ...extra },
          },
        },
      },
      paths: {
        "/tree": {
          get: {
            operationId: "Tree",
            tags: ["tree"],
            responses: { "200": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } } },
          },
        },
      },
    });
    const comparison = compareApis(model("v1", tree({ name: { type: "string" } })), model("v2", tree({})));
    expect(comparison.changes.map((c) => `${c.level} ${c.message}`)).toEqual([expect.stringMatching(/^breaking property 200 response \.name removed/)]);
    // A change inside a shared schema names that schema's type too.
    expect(comparison.changes[0]!.typescript).toEqual(["tree.tree()", "Tree.TreeResponse", 'components["schemas"]["Node"]']);
    expect(compareApis(model("v1", tree({})), model("v2", tree({}))).changes).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import type { OpenAPIV3 } from "openapi-types";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../generator/diff/checks/index.js";
import { compareVersions } from "../../generator/diff/compare.js";
import type { ApiConfig } from "../../generator/load/api-config.js";
import { buildModel } from "../../generator/normalize/build-model.js";

/** Each check has a fixture in test/fixtures/diff/<check>.yaml: an old and a new document and the changes expected. */
const config: ApiConfig = { name: "fixture", auth: "pmm", naming: "operationId", int64: "number" };

function model(version: string, partial: Record<string, unknown>) {
  const document = { openapi: "3.0.3", info: { title: "fixture", version }, ...structuredClone(partial) } as OpenAPIV3.Document;
  return buildModel("fixture", version, config, document);
}

interface Expected {
  level: string;
  operation?: string;
  message: string;
  typescript?: string;
}

describe.each(CHECKS.map((c) => [c.id] as const))("check %s", (id) => {
  const fixture = parse(readFileSync(path.join(import.meta.dirname, "../fixtures/diff", `${id}.yaml`), "utf8")) as { old: Record<string, unknown>; new: Record<string, unknown>; expect: Expected[] };

  it("reports the fixture's changes with their levels", () => {
    const found = compareVersions(model("v1", fixture.old), model("v2", fixture.new)).changes.filter((c) => c.check === id);
    expect(found).toHaveLength(fixture.expect.length);
    for (const expected of fixture.expect) {
      const match = found.find((c) => c.level === expected.level && c.message.includes(expected.message) && (expected.operation === undefined || c.operation === expected.operation));
      expect(match, `${expected.level}: ${expected.message}\nfound:\n${found.map((c) => `${c.level}: ${c.operation} ${c.message}`).join("\n")}`).toBeDefined();
      if (expected.typescript) expect(match!.typescript).toContain(expected.typescript);
    }
  });

  it("reports nothing when old and new are the same", () => {
    expect(compareVersions(model("v1", fixture.old), model("v1", fixture.old)).changes).toEqual([]);
  });
});

describe("the diff engine", () => {
  it("swaps added and removed when old and new swap", () => {
    const fixture = parse(readFileSync(path.join(import.meta.dirname, "../fixtures/diff/operation-added.yaml"), "utf8"));
    const forward = compareVersions(model("v1", fixture.old), model("v2", fixture.new));
    const backward = compareVersions(model("v2", fixture.new), model("v1", fixture.old));
    expect([forward.summary.added, forward.summary.removed]).toEqual([backward.summary.removed, backward.summary.added]);
    expect(forward.changes.map((c) => c.operation)).toEqual(backward.changes.map((c) => c.operation));
  });

  it("terminates on recursive schemas and still finds changes inside them", () => {
    const tree = (extra: Record<string, unknown>) => ({
      components: { schemas: { Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } }, parent: { $ref: "#/components/schemas/Node" }, ...extra } } } },
      paths: { "/tree": { get: { operationId: "Tree", tags: ["tree"], responses: { "200": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } } } } } },
    });
    const comparison = compareVersions(model("v1", tree({ name: { type: "string" } })), model("v2", tree({})));
    expect(comparison.changes.map((c) => `${c.level} ${c.message}`)).toEqual([expect.stringMatching(/^breaking property 200 response \.name removed/)]);
    // A change inside a shared schema names that schema's type too.
    expect(comparison.changes[0]!.typescript).toEqual(["tree.tree()", "Tree.TreeResponse", 'components["schemas"]["Node"]']);
    expect(compareVersions(model("v1", tree({})), model("v2", tree({}))).changes).toEqual([]);
  });
});


import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compareApis } from "../../generator/diff/compare.js";
import type { ApiConfig } from "../../generator/load/api-config.js";
import { loadModel } from "../../generator/pipeline.js";
import type { Defect } from "../../generator/validate/defects.js";
import { FIXTURE_SETTINGS, fixtureDocument } from "../support/old-calls.js";

interface Case {
  name: string;
  strict?: "refused";
  defects: string[];
  document: Record<string, unknown>;
}

const { cases } = parse(readFileSync(path.join(import.meta.dirname, "../fixtures/diff/lenient.yaml"), "utf8")) as { cases: Case[] };
const config: ApiConfig = { name: "lenient", ...FIXTURE_SETTINGS };

/** A new version of a case's document: one more operation, which the comparison must still find. */
function withAddedOperation(document: Record<string, unknown>): Record<string, unknown> {
  const paths = { ...(document.paths as Record<string, unknown>), "/added": { get: { responses: { "200": { description: "ok" } } } } };
  return { ...document, paths };
}

describe.each(cases.map((c) => [c.name, c] as const))("diff reads %s", (_name, testCase) => {
  it("with one warning per defect, and compares the rest", async () => {
    const defects: Defect[] = [];
    const read = (version: string, document: Record<string, unknown>) =>
      loadModel(`${version}.yaml`, config, version, { document: fixtureDocument(version, document), onDefect: (defect) => defects.push(defect) });
    const old = await read("v1", testCase.document);
    expect(defects.map((d) => d.pointer)).toEqual(testCase.defects);
    expect(defects.every((d) => d.problem.length > 0 && d.handling.length > 0)).toBe(true);
    const current = await read("v2", withAddedOperation(testCase.document));
    const added = compareApis(old, current).changes.filter((c) => c.check === "operation-added");
    expect(added.map((c) => c.operation)).toEqual(["GET /added"]);
  });

  it(testCase.strict ? "while generate refuses it" : "as generate does", async () => {
    const strict = loadModel("v1.yaml", config, "v1", { document: fixtureDocument("v1", testCase.document) });
    if (testCase.strict) await expect(strict).rejects.toThrow(/v1\.yaml at \//);
    else await expect(strict).resolves.toBeDefined();
  });
});

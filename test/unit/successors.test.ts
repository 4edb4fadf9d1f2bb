import { readFileSync } from "node:fs";
import path from "node:path";
import type { OpenAPIV3 } from "openapi-types";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffApis } from "../../generator/diff/api-diff.js";
import { describeSuccessor, type SuccessorReport } from "../../generator/diff/successors/describe.js";
import { buildModel } from "../../generator/normalize/build-model.js";
import { FIXTURE_SETTINGS, fixtureDocument } from "../support/old-calls.js";
import { shippedModel } from "../support/shipped-models.js";

const ok = {
  "200": {
    description: "",
    content: { "application/json": { schema: { type: "object", properties: { thing: { type: "object", properties: { thing_id: { type: "string" } } } } } } },
  },
};
const jsonBody = (schema: object) => ({ required: true, content: { "application/json": { schema } } });
const post = (operationId: string, tag: string, body: object) => ({ post: { operationId, tags: [tag], requestBody: jsonBody(body), responses: ok } });

/** A PMM-2-shaped API: verbs in POST paths, one add call per kind, ids in bodies. */
const OLD = {
  paths: {
    "/v1/Things/List": post("ListThings", "Things", { type: "object", properties: { kind: { type: "string", enum: ["RED_THING", "BLUE_THING"] } } }),
    "/v1/Things/Get": post("GetThing", "Things", { type: "object", properties: { thing_id: { type: "string" } } }),
    "/v1/Things/AddRed": post("AddRedThing", "Things", { type: "object", properties: { name: { type: "string" }, shade: { type: "string" } } }),
    "/v1/Things/AddBlue": post("AddBlueThing", "Things", { type: "object", properties: { name: { type: "string" }, depth: { type: "integer" } } }),
    "/v1/Gadgets/Frobnicate": post("Frobnicate", "Gadgets", { type: "object", properties: { level: { type: "integer" } } }),
  },
};

/** Its PMM-3-shaped successor: REST paths, one add call keyed by kind, ids in paths, prefixed enums. */
const NEW = {
  paths: {
    "/v1/things": {
      get: {
        operationId: "ListThings",
        tags: ["ThingsService"],
        parameters: [{ name: "kind", in: "query", schema: { type: "string", enum: ["THING_KIND_RED_THING", "THING_KIND_BLUE_THING"] } }],
        responses: ok,
      },
      post: {
        operationId: "AddThing",
        tags: ["ThingsService"],
        requestBody: jsonBody({
          type: "object",
          properties: {
            red: { type: "object", properties: { name: { type: "string" }, shade: { type: "string" } } },
            blue: { type: "object", properties: { name: { type: "string" }, depth: { type: "integer" } } },
          },
        }),
        responses: ok,
      },
    },
    "/v1/things/{thing_id}": {
      get: {
        operationId: "GetThing",
        tags: ["ThingsService"],
        parameters: [{ name: "thing_id", in: "path", required: true, schema: { type: "string" } }],
        responses: ok,
      },
    },
    "/v1/health": { get: { operationId: "Health", tags: ["ServerService"], responses: { "200": { description: "" } } } },
  },
};

const model = (version: string, partial: object) =>
  buildModel(
    "fixture",
    version,
    { name: "fixture", ...FIXTURE_SETTINGS },
    fixtureDocument(version, partial as Record<string, unknown>) as unknown as OpenAPIV3.Document,
  );

function reports(before: object, after: object): Map<string, SuccessorReport> {
  const diff = diffApis(model("v1", before), model("v2", after));
  return new Map(diff.successors.map((s) => [s.old.model.name, describeSuccessor("api", s)]));
}

describe("successors of removed operations", () => {
  const found = reports(OLD, NEW);

  it("pairs a call moved to another method and path, with its body field moved to the query and enum values renamed", () => {
    const list = found.get("listThings")!;
    expect(list).toMatchObject({ old: "POST /v1/Things/List", new: "GET /v1/things", kind: "moved" });
    expect(list.inputs).toEqual([
      {
        field: "kind",
        from: "body",
        to: "query",
        enumRenames: [
          { from: "RED_THING", to: "THING_KIND_RED_THING" },
          { from: "BLUE_THING", to: "THING_KIND_BLUE_THING" },
        ],
      },
    ]);
    expect(list.oldCall).toBe("api.things.listThings({ body: { kind } })");
    expect(list.newCall).toBe("api.things.listThings({ query: { kind } })");
  });

  it("moves an id from the body into the path", () => {
    expect(found.get("getThing")!.inputs).toEqual([{ field: "thing_id", from: "body", to: "path" }]);
    expect(found.get("getThing")!.newCall).toBe("api.things.getThing({ path: { thing_id } })");
  });

  it("pairs per-kind calls with the merged call under the body key their names imply", () => {
    expect(found.get("addRedThing")).toMatchObject({
      new: "POST /v1/things",
      kind: "merged",
      key: "red",
      newCall: "api.things.addThing({ body: { red: { name, shade } } })",
    });
    expect(found.get("addBlueThing")).toMatchObject({ new: "POST /v1/things", kind: "merged", key: "blue" });
    expect(found.get("addBlueThing")!.steps).toContain('put the body under "blue": { body: { blue: { … } } }');
  });

  it("invents no successor for an operation whose job nothing took over", () => {
    expect(found.has("frobnicate")).toBe(false);
    expect([...found.values()].map((r) => r.new)).not.toContain("GET /v1/health");
  });

  it("gives each pair a confidence in 0..1 with its evidence", () => {
    for (const report of found.values()) {
      expect(report.confidence).toBeGreaterThan(0);
      expect(report.confidence).toBeLessThanOrEqual(1);
      expect(report.evidence.length).toBeGreaterThan(0);
    }
  });

  it("does not depend on the order of the spec's paths", () => {
    const reversed = (partial: { paths: Record<string, unknown> }) => ({ paths: Object.fromEntries(Object.entries(partial.paths).reverse()) });
    expect([...reports(reversed(OLD), reversed(NEW))].sort()).toEqual([...found].sort());
  });
});

describe("successors on PMM 2.44 → 3.8", () => {
  /** v2 operation → v3 `METHOD path[ key]`, judged by hand from both specs (see the file's header). */
  const truth = parse(readFileSync(path.join(import.meta.dirname, "../fixtures/successors/pmm-v2-v3.yaml"), "utf8")) as Record<string, string | null>;
  let found: Map<string, SuccessorReport>;

  beforeAll(async () => {
    const [v2, v3] = await Promise.all([shippedModel("pmm", "v2"), shippedModel("pmm", "v3")]);
    const diff = diffApis(v2, v3);
    expect(diff.removed.map((op) => `${op.model.httpMethod.toUpperCase()} ${op.model.path}`).sort()).toEqual(Object.keys(truth).sort());
    found = new Map(diff.successors.map((s) => describeSuccessor("pmm", s)).map((r) => [r.old, r]));
  });

  it("pairs nearly every removed operation that has a successor, and almost never wrongly", () => {
    const answer = (report: SuccessorReport) => `${report.new}${report.key !== undefined ? ` ${report.key}` : ""}`;
    const right = [...found.values()].filter((r) => truth[r.old] === answer(r)).length;
    const expected = Object.values(truth).filter((t) => t !== null).length;
    const wrong = [...found.values()].filter((r) => truth[r.old] !== answer(r)).map((r) => `${r.old} → ${answer(r)} (truth: ${truth[r.old]})`);
    expect(right / found.size, wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
    expect(right / expected).toBeGreaterThanOrEqual(0.9);
  });

  it("says in TypeScript how a list call's body field becomes a query parameter with prefixed enum values", () => {
    const list = found.get("POST /v1/inventory/Nodes/List")!;
    expect(list.oldCall).toBe("pmm.nodes.listNodes({ body: { node_type } })");
    expect(list.newCall).toBe("pmm.nodes.listNodes({ query: { node_type } })");
    expect(list.steps).toContain('node_type: "GENERIC_NODE" → "NODE_TYPE_GENERIC_NODE"');
  });

  it("names the field of opposite meaning instead of advising to drop one (disable_telemetry → enable_telemetry)", () => {
    const settings = found.get("POST /v1/Settings/Change")!;
    expect(settings.inputs.find((m) => m.field === "disable_telemetry")?.inverted).toEqual({ field: "enable_telemetry", in: "body" });
    expect(settings.steps).toContain(
      "body.disable_telemetry is no longer taken, and body.enable_telemetry means the opposite: send body.enable_telemetry with the inverted value instead of dropping it",
    );
    expect(settings.steps.filter((step) => step.startsWith("body.disable_telemetry "))).toHaveLength(1);
  });

  it("wraps a per-database add call's body under its key of the merged management call", () => {
    expect(found.get("POST /v1/management/MySQL/Add")).toMatchObject({
      new: "POST /v1/management/services",
      kind: "merged",
      key: "mysql",
      newMethod: "management.addService",
    });
  });
});

import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/errors.js";
import type { ApiConfig } from "../../generator/load/api-config.js";
import type { ApiModel } from "../../generator/normalize/build-model.js";
import { loadModel } from "../../generator/pipeline.js";

// loadModel normalizes a copy of the document before Redocly's lint, so that the schema types
// can start meanwhile; what a user is told about a bad document must not change because of it.
const config: ApiConfig = { name: "order", auth: "pmm", naming: "path", int64: "number" };

type Responses = Record<string, Record<string, unknown>>;
const ok: Responses = { "200": { description: "ok" } };
/** A response without its required `description`: only the lint refuses it. */
const undescribed: Responses = { "200": {} };

function document(paths: Record<string, Responses>): Record<string, unknown> {
  return {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: Object.fromEntries(Object.entries(paths).map(([path, responses]) => [path, { get: { responses } }])),
  };
}

/** Two paths that differ only in a trailing slash: the naming refuses them, the lint does not. */
const clashing = (second: Responses) => document({ "/things": ok, "/things/": second });

async function load(input: Record<string, unknown>): Promise<{ model?: ApiModel; error?: unknown; normalized: unknown[] }> {
  const normalized: unknown[] = [];
  try {
    return { model: await loadModel("order.json", config, "v1", { document: input, onNormalized: (doc) => normalized.push(doc) }), normalized };
  } catch (error) {
    return { error, normalized };
  }
}

describe("loading: normalized before the lint, errors as before", () => {
  it("hands out the normalized document, which is the model's, once", async () => {
    const { model, normalized } = await load(document({ "/things": ok }));
    expect(normalized).toHaveLength(1);
    expect(normalized[0]).toBe(model!.document);
    // What normalization writes: the operationId openapi-typescript keys `operations` by.
    expect(model!.document.paths["/things"]!.get!.operationId).toBe(model!.operations[0]!.typeName);
  });

  it("gives the lint's error for a document only the lint refuses, after handing out its normalized form", async () => {
    const { error, normalized } = await load(document({ "/things": undescribed }));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).pointer).toBe("/paths/~1things/get/responses/200");
    expect(normalized).toHaveLength(1);
  });

  it("gives the normalization's error when the lint finds nothing", async () => {
    const { error, normalized } = await load(clashing(ok));
    expect((error as SpecError).problem).toMatch(/both get the name/);
    expect(normalized).toHaveLength(0);
  });

  it("gives the lint's error when both refuse the document", async () => {
    const { error } = await load(clashing(undescribed));
    expect((error as SpecError).pointer).toBe("/paths/~1things~1/get/responses/200");
    expect((error as SpecError).problem).not.toMatch(/both get the name/);
  });

  it("checks every $ref before normalizing follows any", async () => {
    const dangling = document({ "/things": { "200": { $ref: "#/components/responses/Missing" } } });
    const { error, normalized } = await load(dangling);
    expect((error as SpecError).problem).toMatch(/points at nothing/);
    expect(normalized).toHaveLength(0);
  });
});

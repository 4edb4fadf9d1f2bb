import { describe, expect, it } from "vitest";
import { resolve } from "../../generated/testing/model.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { loadFakeModel } from "../support/kit-round-trip.js";
import { SPECS_DIR } from "../support/paths.js";
import { shippedModel } from "../support/shipped-models.js";

/** Each shipped fake-model.js (generator/emit/fake-model.ts) carries structure only, and every reference in it resolves. */
const entries = await discoverSpecs(SPECS_DIR);

describe.each(entries)("$api/$version/fake-model.js", ({ api, version }) => {
  it("keeps no prose or extension of the spec (x-order, …) and no $ref that leads nowhere", async () => {
    const model = await loadFakeModel(api, version);
    const prose: string[] = [];
    const dangling: string[] = [];
    const walk = (node: unknown, at: string, underProperties = false) => {
      if (Array.isArray(node)) {
        for (const [i, item] of node.entries()) walk(item, `${at}/${i}`);
        return;
      }
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        // Below `properties` keys are property names, which may be anything (a property called `description`).
        const extra = ["description", "title", "summary", "example", "examples"].includes(key) || key.startsWith("x-");
        if (!underProperties && extra) prose.push(`${at}/${key}`);
        if (key === "$ref" && !resolve(model, { $ref: value })) dangling.push(`${at}: ${String(value)}`);
        walk(value, `${at}/${key}`, key === "properties" && !underProperties);
      }
    };
    walk(model, "");
    expect(prose).toEqual([]);
    expect(dangling).toEqual([]);
  });

  it("lists every operation of the client, with its method and path", async () => {
    const model = await shippedModel(api, version);
    const fake = await loadFakeModel(api, version);
    const describe = (op: { operation: string; method: string; path: string }) => `${op.operation} ${op.method} ${op.path}`;
    expect(fake.operations.map(describe)).toEqual(
      model.operations.map((op) => describe({ operation: `${op.namespace}.${op.name}`, method: op.httpMethod.toUpperCase(), path: op.path })),
    );
  });
});

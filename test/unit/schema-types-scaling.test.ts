import ts from "typescript";
import { afterEach, describe, expect, it, vi } from "vitest";
import { syntheticSpec } from "../../bench/lib/synthetic-spec.js";
import { emitSchemaTypes } from "../../generator/emit/schema-types.js";

afterEach(() => vi.restoreAllMocks());

/** How many AST list elements the compiler's node factory is handed while one document's types are made. */
function listElementsBuilt(operations: number): number {
  let elements = 0;
  const createNodeArray = ts.factory.createNodeArray;
  vi.spyOn(ts.factory, "createNodeArray").mockImplementation(((list?: readonly ts.Node[], trailing?: boolean) => {
    elements += list?.length ?? 0;
    return createNodeArray(list, trailing);
  }) as typeof createNodeArray);
  emitSchemaTypes("synthetic.json", JSON.stringify(syntheticSpec(operations)));
  vi.restoreAllMocks();
  return elements;
}

// Speed itself is the bench's (bench/generation-scaling.ts); this holds the work to the spec's size.
describe("schema types of a large spec", () => {
  it("take work in proportion to the operations (openapi-typescript copied the operations list for each one)", () => {
    const small = listElementsBuilt(500);
    const large = listElementsBuilt(2000);
    // Linear work gives 4×; copying the list per operation gave about 16×.
    expect(large / small).toBeLessThan(5);
  }, 120_000);

  it("still key every operation by its operationId in `operations`, referred to from `paths`", () => {
    const types = emitSchemaTypes("synthetic.json", JSON.stringify(syntheticSpec(4)));
    expect(types).toMatch(/export interface operations \{\n\s+getItem0: \{/);
    expect(types).toContain('get: operations["getItem2"];');
    expect(types).toContain('delete: operations["deleteItem2"];');
  });
});

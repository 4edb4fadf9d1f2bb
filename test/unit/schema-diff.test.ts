import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../generator/diff/schema-diff.js";
import { accessOf, isNullable, schemaTypes } from "../../generator/normalize/schema-shape.js";
import { simpleTypeText } from "../../generator/normalize/type-text.js";

/** A document of shared schemas, as both versions of most cases here have them. */
const documentWith = (schemas: Record<string, unknown>) => ({ components: { schemas } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The diff of two schemas without where they are, which other tests cover. */
function diffOf(old: unknown, current: unknown, schemas: Record<string, unknown> = {}) {
  const document = documentWith(schemas);
  const diff = diffSchemas({ old: document, new: structuredClone(document) }, old, current);
  if (!diff) return undefined;
  const { pointers: _pointers, ...rest } = diff;
  return rest;
}

describe("diffSchemas", () => {
  const shared = {
    Mode: { type: "string", enum: ["fast", "slow"] },
    Pet: { oneOf: [ref("Cat"), ref("Dog")] },
    Cat: { type: "object", properties: { meow: { type: "string" } } },
    Dog: { type: "object", properties: { bark: { type: "string" } } },
  };

  it("reads $ref: Foo and allOf: [{ $ref: Foo }] as the same schema, reporting only what the wrapper adds", () => {
    expect(diffOf(ref("Pet"), { allOf: [ref("Pet")] }, shared)).toBeUndefined();
    expect(diffOf(ref("Mode"), { allOf: [ref("Mode")], default: "fast" }, shared)).toEqual({ default: { from: undefined, to: "fast" } });
    expect(diffOf({ allOf: [ref("Pet")], description: "kept" }, ref("Pet"), shared)).toBeUndefined();
  });

  it("reads an object without `type` as an object when additionalProperties or properties say so, and an array when items does", () => {
    const values = { additionalProperties: { type: "string" } };
    expect(diffOf({ type: "object", ...values }, values)).toBeUndefined();
    expect(diffOf({ type: "array", items: { type: "string" } }, { items: { type: "string" } })).toBeUndefined();
    expect(diffOf(values, { type: "string" })).toEqual({ type: { from: "object", to: "string" } });
  });

  it("reports null among the enum values as nullability, not as an enum value", () => {
    expect(diffOf({ type: "string", enum: ["a"] }, { type: "string", enum: ["a", null] })).toEqual({ nullable: { from: false, to: true } });
    expect(diffOf({ type: "string", enum: ["a", null] }, { type: "string", nullable: true, enum: ["a"] })).toBeUndefined();
  });

  it("reports a property's change of direction, and leaves out properties of one direction in both versions", () => {
    const object = (name: Record<string, unknown>, stamp: Record<string, unknown>) => ({
      type: "object",
      required: ["name"],
      properties: { name: { type: "string", ...name }, stamp: { type: "string", readOnly: true, ...stamp } },
    });
    const diff = diffOf(object({}, {}), object({ readOnly: true }, { format: "date-time" }));
    expect(diff?.accessChanged).toEqual([
      { name: "name", from: "both", to: "read", required: { from: true, to: true }, pointers: { old: undefined, new: undefined } },
    ]);
    expect(diff?.readOnly).toEqual(["stamp"]);
    expect(diff?.properties?.stamp?.format).toEqual({ from: "", to: "date-time", type: "string" });
  });

  it("follows a readOnly marking through a $ref", () => {
    const schemas = { Id: { type: "string", readOnly: true } };
    const diff = diffOf({ properties: { id: { type: "string" } } }, { properties: { id: ref("Id") } }, schemas);
    expect(diff?.accessChanged?.map((c) => [c.name, c.from, c.to])).toEqual([["id", "both", "read"]]);
  });

  it("compares discriminators, a bare schema name in a mapping naming the same schema as its $ref", () => {
    const pet = (discriminator: unknown) => ({ oneOf: [ref("Cat"), ref("Dog")], discriminator });
    expect(diffOf(pet({ propertyName: "type", mapping: { cat: "Cat" } }), pet({ propertyName: "type", mapping: { cat: ref("Cat").$ref } }), shared)).toBe(
      undefined,
    );
    expect(
      diffOf(pet({ propertyName: "type", mapping: { cat: "Cat", dog: "Dog" } }), pet({ propertyName: "kind", mapping: { cat: "Dog", fox: "Cat" } }), shared),
    ).toEqual({
      discriminator: {
        propertyName: { from: "type", to: "kind" },
        mappingAdded: ["fox"],
        mappingRemoved: ["dog"],
        mappingChanged: [{ value: "cat", from: "#/components/schemas/Cat", to: "#/components/schemas/Dog" }],
      },
    });
    expect(diffOf(pet(undefined), pet({ propertyName: "type" }), shared)).toEqual({ discriminator: { propertyName: { from: "", to: "type" } } });
  });

  it("ends on a recursive schema", () => {
    const schemas = { Node: { type: "object", properties: { next: ref("Node"), name: { type: "string" } } } };
    const changed = { Node: { type: "object", properties: { next: ref("Node"), name: { type: "integer" } } } };
    const diff = diffSchemas({ old: documentWith(schemas), new: documentWith(changed) }, ref("Node"), ref("Node"));
    expect(diff?.properties?.name?.type).toEqual({ from: "string", to: "integer" });
  });
});

/** The diff, the validators and the documented types read a schema's type and nullability in one place. */
describe("one reading of a schema", () => {
  it("answers type, nullability and direction the same way for every reader", () => {
    expect(schemaTypes({ additionalProperties: true })).toEqual(["object"]);
    expect(schemaTypes({ items: { type: "string" } })).toEqual(["array"]);
    expect(schemaTypes({ enum: ["a"] })).toBeUndefined();
    expect(isNullable({ type: "string", enum: ["a", null] })).toBe(true);
    expect(isNullable({ type: ["string", "null"] })).toBe(true);
    expect(accessOf({ readOnly: true, writeOnly: true })).toBe("both");
  });

  it("documents a parameter's type as the diff and the validators read it", () => {
    expect(simpleTypeText({}, { items: { type: "string" } })).toBe("string[]");
    expect(simpleTypeText({}, { type: "string", enum: ["a", null] })).toBe("string | null");
  });
});

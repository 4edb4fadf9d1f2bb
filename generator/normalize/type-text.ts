import { resolveRef } from "./resolve-ref.js";
import { isNullable, schemaTypes } from "./schema-shape.js";

/** JSON Schema's primitive types, as TypeScript writes them. */
const PRIMITIVES = new Map([
  ["string", "string"],
  ["number", "number"],
  ["integer", "number"],
  ["boolean", "boolean"],
  ["null", "null"],
  ["object", "object"],
]);

/**
 * The TypeScript type of a simple schema (a primitive, a union of primitives, or an array of
 * one), for documentation: `string`, `number | string`, `boolean[]`, its type read as schemaTypes
 * reads it. An enum is named by its base type. Anything else (compositions, unknown types) has none, so a doc never guesses.
 */
export function simpleTypeText(document: unknown, node: unknown, depth = 0): string | undefined {
  const schema = resolveRef<Record<string, unknown>>(document, node);
  if (!schema || typeof schema !== "object" || depth > 8) return undefined;
  const types = schemaTypes(schema) ?? [];
  if (types.length === 0) return undefined;
  const texts = types.map((type) =>
    type === "array" ? arrayText(document, schema.items, depth) : typeof type === "string" ? PRIMITIVES.get(type) : undefined,
  );
  if (isNullable(schema)) texts.push("null");
  if (texts.some((text) => text === undefined)) return undefined;
  return [...new Set(texts)].join(" | ");
}

function arrayText(document: unknown, items: unknown, depth: number): string | undefined {
  const item = simpleTypeText(document, items, depth + 1);
  if (item === undefined) return undefined;
  return item.includes(" ") ? `(${item})[]` : `${item}[]`;
}

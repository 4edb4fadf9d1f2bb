import { resolveRef } from "./resolve-ref.js";
import { accessOf, enumValues, isNullable } from "./schema-shape.js";
import { simpleTypeText } from "./type-text.js";

/*
 * What a reader of a generated doc needs to know of a value, from the schema's structure alone
 * (no prose): its type, with an enum's values as a union; its format; its bounds. The method
 * docs' @param lines and the hover line of every schema property are both written from here.
 */

/** Enums with more values than this are named by their count, so that a doc line stays readable. */
const MAX_ENUM_VALUES = 12;

interface FactSchema {
  type?: unknown;
  enum?: unknown[];
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
  multipleOf?: unknown;
  minLength?: unknown;
  maxLength?: unknown;
  pattern?: unknown;
  minItems?: unknown;
  maxItems?: unknown;
  uniqueItems?: unknown;
}

export interface SchemaFacts {
  /** `string`, `"A" | "B"`, `number[]`; absent when the schema is not a simple one. */
  type?: string;
  /** `format date-time`, `1 to 65535`, `at most 64 characters`, `read-only`, … in that order. */
  details: string[];
}

/** The facts of one schema (a `$ref` is followed), for documentation. */
export function schemaFacts(document: unknown, node: unknown): SchemaFacts {
  const schema = resolveRef<FactSchema>(document, node);
  if (!schema || typeof schema !== "object") return { details: [] };
  // The enum, nullability and direction are read as schema-shape.ts reads them for the diff and the validators.
  const values = enumValues(schema);
  const type = enumUnion(values, isNullable(schema)) ?? simpleTypeText(document, schema);
  const access = accessOf(schema);
  const details = [
    ...(typeof schema.format === "string" ? [`format ${schema.format}`] : []),
    ...(values && values.length > MAX_ENUM_VALUES ? [`one of ${values.length} values`] : []),
    ...bounds(schema),
    ...(access === "read" ? ["read-only (sent by the server only)"] : []),
    ...(access === "write" ? ["write-only (never returned)"] : []),
  ];
  return { ...(type ? { type } : {}), details };
}

function enumUnion(values: unknown[] | undefined, nullable: boolean): string | undefined {
  if (!values || values.length === 0 || values.length > MAX_ENUM_VALUES) return undefined;
  if (!values.every((value) => ["string", "number", "boolean"].includes(typeof value))) return undefined;
  return [...new Set(values.map((value) => JSON.stringify(value))), ...(nullable ? ["null"] : [])].join(" | ");
}

function bounds(schema: FactSchema): string[] {
  const number = (value: unknown) => (typeof value === "number" ? value : undefined);
  const facts: string[] = [];
  // OpenAPI 3.0 writes an exclusive bound as a boolean beside the bound; 3.1 as the bound itself.
  const low = number(schema.exclusiveMinimum) ?? number(schema.minimum);
  const high = number(schema.exclusiveMaximum) ?? number(schema.maximum);
  const lowOpen = typeof schema.exclusiveMinimum === "number" || schema.exclusiveMinimum === true;
  const highOpen = typeof schema.exclusiveMaximum === "number" || schema.exclusiveMaximum === true;
  if (low !== undefined && high !== undefined && !lowOpen && !highOpen) facts.push(`${low} to ${high}`);
  else {
    if (low !== undefined) facts.push(`${lowOpen ? "above" : "at least"} ${low}`);
    if (high !== undefined) facts.push(`${highOpen ? "below" : "at most"} ${high}`);
  }
  if (number(schema.multipleOf) !== undefined) facts.push(`a multiple of ${schema.multipleOf}`);
  facts.push(...range(number(schema.minLength), number(schema.maxLength), "characters"));
  if (typeof schema.pattern === "string") facts.push(`matching ${JSON.stringify(schema.pattern)}`);
  facts.push(...range(number(schema.minItems), number(schema.maxItems), "items"));
  if (schema.uniqueItems === true) facts.push("unique items");
  return facts;
}

function range(min: number | undefined, max: number | undefined, unit: string): string[] {
  if (min !== undefined && max !== undefined) return [min === max ? `exactly ${min} ${unit}` : `${min} to ${max} ${unit}`];
  if (min !== undefined && min > 0) return [`at least ${min} ${unit}`];
  if (max !== undefined) return [`at most ${max} ${unit}`];
  return [];
}

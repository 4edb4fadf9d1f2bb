import { type FakeModel, resolve, type Schema } from "./model.js";

/** Deeper than this, a value is cut short where its schema allows (only recursive schemas get here). */
const MAX_DEPTH = 12;

/**
 * A value valid under `schema` made from `input`: what of `input` fits is kept (names the
 * schema knows, values of the right JSON type and enum), the rest dropped, and what the schema
 * requires but `input` lacks is filled in with a plain sample. Arrays without input are empty and
 * optional properties without input are left out, so an answer says only what the fake knows.
 */
export function fill(model: FakeModel, schema: Schema | undefined, input: unknown, depth = 0): unknown {
  const s = resolve(model, schema);
  if (!s || typeof s !== "object") return input;
  if (input === null && (s.nullable === true || (Array.isArray(s.type) && s.type.includes("null")))) return null;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.some((value: unknown) => same(value, input)) ? input : s.enum[0];
  if (Object.hasOwn(s, "const")) return s.const;
  const alternatives: Schema[] | undefined = s.oneOf ?? s.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const own = { ...s, oneOf: undefined, anyOf: undefined };
    return merge(
      fill(model, bestAlternative(model, alternatives, input), input, depth + 1),
      hasOwnChecks(own) ? fill(model, own, input, depth + 1) : undefined,
    );
  }
  if (Array.isArray(s.allOf)) {
    const own = { ...s, allOf: undefined };
    let value: unknown = hasOwnChecks(own) ? fill(model, own, input, depth + 1) : undefined;
    for (const part of s.allOf) value = merge(value, fill(model, part, input, depth + 1));
    return value;
  }
  switch (typeOf(s)) {
    case "string":
      return typeof input === "string" ? input : typeof input === "number" || typeof input === "boolean" ? String(input) : stringSample(s.format);
    case "integer":
      return Number.isInteger(input) ? input : typeof input === "string" && /^-?\d+$/.test(input) ? Number(input) : 1;
    case "number":
      return typeof input === "number" ? input : 1;
    case "boolean":
      return typeof input === "boolean" ? input : false;
    case "array":
      return Array.isArray(input) && depth < MAX_DEPTH ? input.map((item) => fill(model, s.items, item, depth + 1)) : [];
    case "object":
      return fillObject(model, s, input, depth);
    default:
      // A schema that promises nothing in particular: what came in, or an empty object.
      return input === undefined ? {} : input;
  }
}

function fillObject(model: FakeModel, s: Schema, input: unknown, depth: number): Record<string, unknown> {
  const given = isObject(input) ? input : {};
  const out: Record<string, unknown> = {};
  const properties: Record<string, Schema> = s.properties ?? {};
  const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
  for (const [name, property] of Object.entries(properties)) {
    if (given[name] !== undefined && depth < MAX_DEPTH) out[name] = fill(model, property, given[name], depth + 1);
    else if (required.has(name)) out[name] = fill(model, property, undefined, depth + 1);
  }
  const extra = s.additionalProperties;
  if (extra !== undefined && extra !== false && depth < MAX_DEPTH) {
    for (const [name, value] of Object.entries(given)) {
      if (Object.hasOwn(properties, name) || value === undefined) continue;
      out[name] = extra === true ? value : fill(model, extra, value, depth + 1);
    }
  }
  return out;
}

/** The alternative of a union whose property names cover most of `input` (the first on a tie). */
function bestAlternative(model: FakeModel, alternatives: Schema[], input: unknown): Schema {
  if (!isObject(input)) return alternatives.find((alt) => typeOf(resolve(model, alt) ?? {}) === jsonType(input)) ?? alternatives[0]!;
  let best = alternatives[0]!;
  let score = -1;
  for (const alternative of alternatives) {
    const names = Object.keys(resolve(model, alternative)?.properties ?? {});
    const fits = Object.keys(input).filter((key) => names.includes(key)).length;
    if (fits > score) [best, score] = [alternative, fits];
  }
  return best;
}

/** The JSON type a schema reads as (a missing `type` with properties is an object, with items an array). */
export function typeOf(s: Schema): string | undefined {
  const type = Array.isArray(s.type) ? s.type.find((t: unknown) => t !== "null") : s.type;
  if (typeof type === "string") return type;
  if (s.properties || s.additionalProperties) return "object";
  if (s.items) return "array";
  return undefined;
}

function hasOwnChecks(s: Schema): boolean {
  return Boolean(s.type || s.properties || s.additionalProperties || s.items || s.required);
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

function merge(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (isObject(a) && isObject(b)) return { ...a, ...b };
  return b === undefined ? a : b;
}

const same = (a: unknown, b: unknown) => a === b || (a !== null && typeof a === "object" && JSON.stringify(a) === JSON.stringify(b));

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function stringSample(format: unknown): string {
  if (format === "date-time") return "2026-01-01T00:00:00.000Z";
  if (format === "date") return "2026-01-01";
  if (format === "uuid") return "00000000-0000-4000-8000-000000000000";
  return "";
}

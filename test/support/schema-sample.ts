import { resolveRef } from "../../generator/normalize/resolve-ref.js";

type Json = Record<string, any>;

const MAX_DEPTH = 8;

/**
 * A value that satisfies an OpenAPI 3 schema, made from the schema alone: every property
 * (so that each survives a round trip), enums' first value, one item per array, the first
 * alternative of a oneOf/anyOf. Tests send these as inputs and serve them as answers.
 */
export function sampleOf(document: Json, schema: Json | undefined, depth = 0): unknown {
  if (!schema || depth > MAX_DEPTH) return undefined;
  const resolved = resolveRef<Json>(document, schema) ?? {};
  if (resolved.enum?.length) return resolved.enum[0];
  const alternatives = resolved.oneOf ?? resolved.anyOf;
  if (alternatives?.length) return sampleOf(document, alternatives[0], depth + 1);
  if (resolved.allOf) {
    return Object.assign(
      {},
      ...resolved.allOf.map((part: Json) => sampleOf(document, part, depth + 1) ?? {}),
      sampleOf(document, { ...resolved, allOf: undefined }, depth + 1) ?? {},
    );
  }
  switch (resolved.type) {
    case "string":
      return stringSample(resolved.format);
    case "integer":
      return 7;
    case "number":
      return 1.5;
    case "boolean":
      return true;
    case "array": {
      const item = sampleOf(document, resolved.items, depth + 1);
      return item === undefined ? [] : [item];
    }
    default: {
      if (!resolved.properties && resolved.type !== "object") return resolved.type ? undefined : {};
      const value: Json = {};
      for (const [name, property] of Object.entries<Json>(resolved.properties ?? {})) {
        const sample = sampleOf(document, property, depth + 1);
        if (sample !== undefined) value[name] = sample;
      }
      return value;
    }
  }
}

function stringSample(format: string | undefined): string {
  if (format === "date-time") return "2026-11-30T04:00:00.000Z";
  if (format === "date") return "2026-11-30";
  if (format === "uuid") return "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
  if (format === "binary") return "bytes";
  return "sample";
}

/**
 * The one reading of what a schema node says about its values: which JSON types, whether null,
 * which direction it travels in, and how its alternatives are told apart. The diff, the
 * validators and the documented types all ask here, so that they never disagree about a schema.
 */

/** Any schema object, typed or not: each function reads only the keywords it names. */
type Node = Record<string, unknown>;
const keywords = (schema: object) => schema as Node;

/**
 * The JSON types a schema allows, "null" included where `type` lists it, as the generated types
 * read it: a missing `type` with `properties` or `additionalProperties` is an object, with
 * `items` an array. Undefined: any type.
 */
export function schemaTypes(node: object): string[] | undefined {
  const schema = keywords(node);
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t: unknown): t is string => typeof t === "string");
  if (schema.properties || schema.additionalProperties) return ["object"];
  if (schema.items) return ["array"];
  return undefined;
}

/** The non-null types a schema allows, sorted and joined (`integer|string`); "" for any type. */
export function typeLabel(node: object): string {
  return (schemaTypes(node) ?? [])
    .filter((t) => t !== "null")
    .sort()
    .join("|");
}

/** Whether null is allowed: `nullable: true` (3.0), a type list with "null" (3.1), or null among the enum values. */
export function isNullable(node: object): boolean {
  const schema = keywords(node);
  return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null")) || (Array.isArray(schema.enum) && schema.enum.includes(null));
}

/** The enum values other than null, which isNullable reports instead; undefined without an enum. */
export function enumValues(node: object): unknown[] | undefined {
  const schema = keywords(node);
  return Array.isArray(schema.enum) ? schema.enum.filter((value) => value !== null) : undefined;
}

/** Which way a property travels: `read` only in responses (readOnly), `write` only in requests (writeOnly). */
export type Access = "read" | "write" | "both";

export function accessOf(node: object | undefined): Access {
  const schema = node && keywords(node);
  if (schema?.readOnly === true && schema.writeOnly !== true) return "read";
  if (schema?.writeOnly === true && schema.readOnly !== true) return "write";
  return "both";
}

/** A discriminator, its mapping's targets as `$ref`s: OpenAPI 3.0 also allows a bare schema name (`cachorro: Dog`). */
export interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
}

export function discriminatorOf(node: object): Discriminator | undefined {
  const schema = keywords(node);
  const discriminator = schema.discriminator as { propertyName?: unknown; mapping?: unknown } | undefined;
  if (!discriminator || typeof discriminator !== "object" || typeof discriminator.propertyName !== "string") return undefined;
  const mapping: Record<string, string> = {};
  const given = discriminator.mapping && typeof discriminator.mapping === "object" ? (discriminator.mapping as Node) : {};
  for (const [value, target] of Object.entries(given)) if (typeof target === "string") mapping[value] = mappingRef(target);
  return { propertyName: discriminator.propertyName, mapping };
}

/** `Dog` → `#/components/schemas/Dog`; a reference (anything with a `/`) as it is. */
export function mappingRef(target: string): string {
  return target.includes("/") ? target : `#/components/schemas/${target}`;
}

import type { OpenAPIV3 } from "openapi-types";
import { unescapePointerToken } from "../json-pointer.js";
import { resolveRef } from "../normalize/resolve-ref.js";
import { type Access, accessOf, discriminatorOf, enumValues, isNullable, typeLabel } from "../normalize/schema-shape.js";
import { type Pointers, pointersOf } from "./pointers.js";

type Schema = OpenAPIV3.SchemaObject;

/** The type of a schema that names none: any JSON value. */
export const ANY_TYPE = "(any)";
/** The enum "value" added or removed when a schema drops or gains its enum altogether. */
export const ANY_VALUE = "(any value)";

/**
 * Validation keywords compared by constraint-changed: bounds, and keywords whose mere presence
 * restricts the values (JSON Schema's `const`, `not`, `if`/`then`/`else`, `contains`, …).
 */
const CONSTRAINTS = [
  "maxLength",
  "minLength",
  "maximum",
  "minimum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "maxItems",
  "minItems",
  "maxProperties",
  "minProperties",
  "maxContains",
  "minContains",
  "pattern",
  "multipleOf",
  "uniqueItems",
  "const",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "dependentRequired",
  "dependentSchemas",
  "propertyNames",
  "patternProperties",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
  "contentMediaType",
  "contentEncoding",
] as const;
export type Constraint = (typeof CONSTRAINTS)[number];
/** Boolean keywords whose `false` says the same as leaving them out (unlike `unevaluatedProperties: false`). */
const FALSE_MEANS_ABSENT: ReadonlySet<Constraint> = new Set(["uniqueItems", "exclusiveMaximum", "exclusiveMinimum"]);

/** How one schema differs between two versions; absent fields mean "unchanged". */
export interface SchemaDiff {
  type?: { from: string; to: string };
  /** `type` is the schema's type in the new version. */
  format?: { from: string; to: string; type: string };
  nullable?: { from: boolean; to: boolean };
  /** Validation keywords whose value changed, was added or was removed (undefined: absent). */
  constraints?: { name: Constraint; from: unknown; to: unknown }[];
  enumAdded?: string[];
  enumRemoved?: string[];
  /** Values of `x-extensible-enum`: the known values of an open set, which clients must expect to grow. */
  extensibleEnumAdded?: string[];
  extensibleEnumRemoved?: string[];
  /** The `default` (undefined: none). */
  default?: { from: unknown; to: unknown };
  /** `pointers`: the property in the new document (added) or the old one (removed). */
  propertiesAdded?: { name: string; required: boolean; pointers: Pointers }[];
  propertiesRemoved?: { name: string; required: boolean; pointers: Pointers }[];
  /** Set when properties were removed but the new schema admits any other (`additionalProperties`), so its type keeps an index signature. */
  open?: boolean;
  /** Properties present in both versions that became required, or stopped being required. */
  becameRequired?: string[];
  becameOptional?: string[];
  properties?: Record<string, SchemaDiff>;
  /**
   * Properties marked `readOnly` or `writeOnly` in both versions, listed when something else
   * changed: a client sends no read-only property and receives no write-only one, so changes
   * to them touch no call (schema-sites leaves them out).
   */
  readOnly?: string[];
  writeOnly?: string[];
  /** Properties in both versions whose direction changed (became readOnly, stopped being writeOnly, …). */
  accessChanged?: { name: string; from: Access; to: Access; required: { from: boolean; to: boolean }; pointers: Pointers }[];
  /** The discriminator's property and mapping (values → `$ref`s, bare names read as components). */
  discriminator?: DiscriminatorDiff;
  /**
   * `oneOf`/`anyOf` alternatives, labelled by the schema they reference (`Cat`), else by their
   * title or type (`string`, `object 2`); see pairAlternatives for how they are matched.
   */
  variantsAdded?: string[];
  variantsRemoved?: string[];
  variants?: Record<string, SchemaDiff>;
  items?: SchemaDiff;
  additionalProperties?: SchemaDiff;
  /** The shared schema (`components.schemas`) the new version's node refers to, if any. */
  component?: string;
  /** Set on a property or parameter that callers must send in the new version, where a default never applies. */
  required?: boolean;
  /** The two schemas compared, where `$ref`s lead (an `allOf` as a whole). */
  pointers: Pointers;
}

export interface DiscriminatorDiff {
  /** The property that selects the alternative ("" where there is no discriminator). */
  propertyName?: { from: string; to: string };
  mappingAdded?: string[];
  mappingRemoved?: string[];
  /** Values that now select another schema. */
  mappingChanged?: { value: string; from: string; to: string }[];
}

export interface Documents {
  old: unknown;
  new: unknown;
}

/**
 * Compares two schemas, following `$ref`s and merging `allOf`. A pair of schemas already
 * being compared higher up (a recursive schema) counts as unchanged, so recursion ends.
 */
export function diffSchemas(documents: Documents, oldNode: unknown, newNode: unknown, inProgress = new Map<object, Set<object>>()): SchemaDiff | undefined {
  const before = flatten(documents.old, oldNode);
  const after = flatten(documents.new, newNode);
  if (!before || !after) return undefined;
  const seen = inProgress.get(before.identity) ?? new Set<object>();
  if (seen.has(after.identity)) return undefined;
  seen.add(after.identity);
  inProgress.set(before.identity, seen);
  try {
    const diff = compare(documents, before.schema, after.schema, inProgress);
    if (!diff) return undefined;
    const component = componentName(newNode);
    return { ...diff, ...(component ? { component } : {}), pointers: pointersOf(documents, before.identity, after.identity) };
  } finally {
    seen.delete(after.identity);
  }
}

function compare(documents: Documents, oldSchema: Schema, newSchema: Schema, inProgress: Map<object, Set<object>>): Omit<SchemaDiff, "pointers"> | undefined {
  const [before, after] = [asUnionLike(oldSchema, newSchema), asUnionLike(newSchema, oldSchema)];
  const diff: Omit<SchemaDiff, "pointers"> = {};
  const [typeBefore, typeAfter] = [typeLabel(before), typeLabel(after)];
  if (typeBefore !== typeAfter) diff.type = { from: typeBefore || ANY_TYPE, to: typeAfter || ANY_TYPE };
  if ((before.format ?? "") !== (after.format ?? "")) diff.format = { from: before.format ?? "", to: after.format ?? "", type: typeAfter };
  const keyword = (schema: Schema, name: Constraint) => {
    const value = (schema as Record<Constraint, unknown>)[name];
    return value === false && FALSE_MEANS_ABSENT.has(name) ? undefined : value;
  };
  setIf(
    diff,
    "constraints",
    CONSTRAINTS.filter((name) => !sameValue(keyword(before, name), keyword(after, name))).map((name) => ({
      name,
      from: keyword(before, name),
      to: keyword(after, name),
    })),
  );
  const [nullBefore, nullAfter] = [isNullable(before), isNullable(after)];
  if (nullBefore !== nullAfter) diff.nullable = { from: nullBefore, to: nullAfter };
  // null among the enum values is nullability, reported as such.
  const [enumBefore, enumAfter] = [nonEmpty(enumValues(before)), nonEmpty(enumValues(after))];
  if (enumBefore || enumAfter) {
    const [a, b] = [new Set((enumBefore ?? []).map(enumValue)), new Set((enumAfter ?? []).map(enumValue))];
    // A schema that gains or loses its enum altogether widens or narrows to "any value".
    if (enumBefore && enumAfter) {
      setIf(
        diff,
        "enumAdded",
        [...b].filter((v) => !a.has(v)),
      );
      setIf(
        diff,
        "enumRemoved",
        [...a].filter((v) => !b.has(v)),
      );
    } else if (enumAfter) {
      setIf(diff, "enumRemoved", [ANY_VALUE]);
    } else {
      setIf(diff, "enumAdded", [ANY_VALUE]);
    }
  }
  if (EXTENSIBLE_ENUM in before || EXTENSIBLE_ENUM in after) {
    const [extensibleBefore, extensibleAfter] = [extensibleEnum(before), extensibleEnum(after)];
    setIf(
      diff,
      "extensibleEnumAdded",
      [...extensibleAfter].filter((v) => !extensibleBefore.has(v)),
    );
    setIf(
      diff,
      "extensibleEnumRemoved",
      [...extensibleBefore].filter((v) => !extensibleAfter.has(v)),
    );
  }
  if (!sameValue(before.default, after.default)) diff.default = { from: before.default, to: after.default };
  const [propsBefore, propsAfter] = [before.properties ?? {}, after.properties ?? {}];
  const [reqBefore, reqAfter] = [new Set(before.required ?? []), new Set(after.required ?? [])];
  setIf(
    diff,
    "propertiesAdded",
    Object.keys(propsAfter)
      .filter((n) => !(n in propsBefore))
      .map((name) => ({ name, required: reqAfter.has(name), pointers: pointersOf(documents, undefined, propsAfter[name]) })),
  );
  setIf(
    diff,
    "propertiesRemoved",
    Object.keys(propsBefore)
      .filter((n) => !(n in propsAfter))
      .map((name) => ({ name, required: reqBefore.has(name), pointers: pointersOf(documents, propsBefore[name], undefined) })),
  );
  const access = (document: unknown, node: unknown) => accessOf(flatten(document, node)?.schema);
  setIf(
    diff,
    "accessChanged",
    Object.keys(propsBefore)
      .filter((n) => n in propsAfter && access(documents.old, propsBefore[n]) !== access(documents.new, propsAfter[n]))
      .map((name) => ({
        name,
        from: access(documents.old, propsBefore[name]),
        to: access(documents.new, propsAfter[name]),
        required: { from: reqBefore.has(name), to: reqAfter.has(name) },
        pointers: pointersOf(documents, propsBefore[name], propsAfter[name]),
      })),
  );
  const discriminator = diffDiscriminators(before, after);
  if (discriminator) diff.discriminator = discriminator;
  if (diff.propertiesRemoved && after.additionalProperties !== undefined && after.additionalProperties !== false) diff.open = true;
  const shared = Object.keys(propsBefore).filter((n) => n in propsAfter);
  setIf(
    diff,
    "becameRequired",
    shared.filter((n) => !reqBefore.has(n) && reqAfter.has(n)),
  );
  setIf(
    diff,
    "becameOptional",
    shared.filter((n) => reqBefore.has(n) && !reqAfter.has(n)),
  );
  const properties: Record<string, SchemaDiff> = {};
  for (const name of shared) {
    const child = diffSchemas(documents, propsBefore[name], propsAfter[name], inProgress);
    if (child) properties[name] = reqAfter.has(name) ? { ...child, required: true } : child;
  }
  if (Object.keys(properties).length > 0) diff.properties = properties;
  const alternatives = pairAlternatives(alternativesOf(before), alternativesOf(after));
  setIf(diff, "variantsAdded", alternatives.added);
  setIf(diff, "variantsRemoved", alternatives.removed);
  const variants: Record<string, SchemaDiff> = {};
  for (const [label, old, current] of alternatives.paired) {
    const child = diffSchemas(documents, old, current, inProgress);
    if (child) variants[label] = child;
  }
  if (Object.keys(variants).length > 0) diff.variants = variants;
  const items = diffSchemas(documents, (before as OpenAPIV3.ArraySchemaObject).items, (after as OpenAPIV3.ArraySchemaObject).items, inProgress);
  if (items) diff.items = items;
  const extra = diffSchemas(documents, objectOrUndefined(before.additionalProperties), objectOrUndefined(after.additionalProperties), inProgress);
  if (extra) diff.additionalProperties = extra;
  if (Object.keys(diff).length === 0) return undefined;
  // A property that keeps its one direction in both versions is unused in the other; one only on one side is as its side says.
  const marked = (kind: Access) =>
    [...new Set([...Object.keys(propsBefore), ...Object.keys(propsAfter)])].filter(
      (name) =>
        (!(name in propsBefore) || access(documents.old, propsBefore[name]) === kind) &&
        (!(name in propsAfter) || access(documents.new, propsAfter[name]) === kind),
    );
  setIf(diff, "readOnly", marked("read"));
  setIf(diff, "writeOnly", marked("write"));
  return diff;
}

function setIf<K extends keyof SchemaDiff>(diff: Partial<SchemaDiff>, key: K, values: SchemaDiff[K] & unknown[]): void {
  if (values.length > 0) diff[key] = values;
}

/**
 * Resolves `$ref`s and merges `allOf` parts into one schema, so that `$ref: Foo` and
 * `allOf: [{ $ref: Foo }]` beside a `default` read as Foo with that default: the schema's own
 * keywords first, then each part's where it has none, properties and `required` united.
 * `identity` is the object to track recursion by.
 */
function flatten(document: unknown, node: unknown): { schema: Schema; identity: object } | undefined {
  const resolved = resolveRef<Schema>(document, node);
  if (!resolved || typeof resolved !== "object") return undefined;
  const nullable = nullableAlternative(document, resolved);
  if (nullable) return { schema: nullable, identity: resolved };
  if (!resolved.allOf) return { schema: resolved, identity: resolved };
  const { allOf, ...own } = resolved;
  const merged = { ...own } as Record<string, unknown>;
  const properties = { ...resolved.properties };
  const required = new Set(resolved.required ?? []);
  for (const part of allOf) {
    const flat = flatten(document, part)?.schema;
    if (!flat) continue;
    for (const [keyword, value] of Object.entries(flat)) if (!(keyword in merged)) merged[keyword] = value;
    Object.assign(properties, flat.properties);
    for (const name of flat.required ?? []) required.add(name);
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return { schema: merged as Schema, identity: resolved };
}

function diffDiscriminators(before: Schema, after: Schema): DiscriminatorDiff | undefined {
  const [was, is] = [discriminatorOf(before), discriminatorOf(after)];
  if (!was && !is) return undefined;
  const diff: DiscriminatorDiff = {};
  if (was?.propertyName !== is?.propertyName) diff.propertyName = { from: was?.propertyName ?? "", to: is?.propertyName ?? "" };
  const [old, current] = [was?.mapping ?? {}, is?.mapping ?? {}];
  const added = Object.keys(current).filter((value) => !(value in old));
  const removed = Object.keys(old).filter((value) => !(value in current));
  const changed = Object.keys(current)
    .filter((value) => value in old && old[value] !== current[value])
    .map((value) => ({ value, from: old[value]!, to: current[value]! }));
  if (added.length > 0) diff.mappingAdded = added;
  if (removed.length > 0) diff.mappingRemoved = removed;
  if (changed.length > 0) diff.mappingChanged = changed;
  return Object.keys(diff).length > 0 ? diff : undefined;
}

/**
 * OpenAPI 3.1's way to say nullable, `oneOf` (or `anyOf`) of one schema and `{ type: "null" }`,
 * as that schema with `nullable: true`, so it compares as the same schema made nullable.
 */
function nullableAlternative(document: unknown, schema: Schema): Schema | undefined {
  const alternatives = schema.oneOf && schema.anyOf ? undefined : (schema.oneOf ?? schema.anyOf);
  if (alternatives?.length !== 2) return undefined;
  const isNull = (node: unknown) => {
    const type = (node as { type?: unknown }).type;
    return type === "null" || (Array.isArray(type) && type.length === 1 && type[0] === "null");
  };
  const others = alternatives.filter((a) => !isNull(a));
  if (others.length !== 1) return undefined;
  const inner = flatten(document, others[0])?.schema;
  if (!inner) return undefined;
  const outer: Schema = { ...schema };
  delete outer.oneOf;
  delete outer.anyOf;
  return { ...inner, ...outer, nullable: true };
}

const isUnion = (schema: Schema) => Boolean(schema.oneOf ?? schema.anyOf) && !schema.type;

/**
 * A schema that becomes a union (`boolean` → `oneOf: [boolean, string]`), or stops being one,
 * is compared as a union of one alternative on its plain side, so that only the alternatives
 * that really came or went are reported, not a type lost to "(any)" as well.
 */
function asUnionLike(schema: Schema, other: Schema): Schema {
  if (isUnion(schema) || !isUnion(other)) return schema;
  const keyword = other.oneOf ? "oneOf" : "anyOf";
  const { nullable, ...alternative } = schema as Schema & { nullable?: boolean };
  return { [keyword]: [alternative], ...(nullable ? { nullable } : {}) } as Schema;
}

/** `Node` for a `$ref` to `#/components/schemas/Node`. */
function componentName(node: unknown): string | undefined {
  const ref = node && typeof node === "object" ? (node as { $ref?: unknown }).$ref : undefined;
  const match = typeof ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return match ? unescapePointerToken(match[1]!) : undefined;
}

interface Alternative {
  node: OpenAPIV3.ReferenceObject | Schema;
  label: string;
}

/** A schema's `oneOf` and `anyOf` alternatives, each labelled (`Cat`, `string`, `object 2`). */
function alternativesOf(schema: Schema): Alternative[] {
  const labels = new Set<string>();
  return [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].map((node) => {
    const base = "$ref" in node ? unescapePointerToken(node.$ref.split("/").at(-1)!) : (node.title ?? (typeLabel(node) || "any"));
    let label = base;
    for (let n = 2; labels.has(label); n++) label = `${base} ${n}`;
    labels.add(label);
    return { node, label };
  });
}

/**
 * Matches alternatives across versions: references by the schema they name; inline ones by
 * title, then by type, then in order, so that neither an alternative inserted in front nor a
 * title or type that changed reads as one alternative removed and another added.
 */
function pairAlternatives(before: Alternative[], after: Alternative[]) {
  const paired: [string, unknown, unknown][] = [];
  const unmatched = new Set(after);
  const leftOver: Alternative[] = [];
  const isRef = (a: Alternative) => "$ref" in a.node;
  const keys: ((a: Alternative) => string | undefined)[] = [
    (a) => (isRef(a) ? a.label : undefined),
    (a) => (isRef(a) ? undefined : (a.node as Schema).title),
    (a) => (isRef(a) ? undefined : typeLabel(a.node as Schema) || undefined),
    (a) => (isRef(a) ? undefined : "inline"),
  ];
  let remaining = before;
  for (const key of keys) {
    leftOver.length = 0;
    for (const old of remaining) {
      const oldKey = key(old);
      const match = oldKey === undefined ? undefined : [...unmatched].find((candidate) => key(candidate) === oldKey);
      if (match) {
        unmatched.delete(match);
        paired.push([match.label, old.node, match.node]);
      } else leftOver.push(old);
    }
    remaining = [...leftOver];
  }
  return { paired, added: [...unmatched].map((a) => a.label), removed: remaining.map((a) => a.label) };
}

function nonEmpty(values: unknown[] | undefined): unknown[] | undefined {
  return values && values.length > 0 ? values : undefined;
}

/** An enum value as reported: strings and numbers as they are, objects and arrays as JSON. */
function enumValue(value: unknown): string {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : String(value);
}

const EXTENSIBLE_ENUM = "x-extensible-enum";

function extensibleEnum(schema: Schema): Set<string> {
  const values = (schema as Record<typeof EXTENSIBLE_ENUM, unknown>)[EXTENSIBLE_ENUM];
  return new Set(Array.isArray(values) ? values.map(enumValue) : []);
}

/** Equal JSON values; most keywords are absent or primitive, so the cheap comparison comes first. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));
}

function objectOrUndefined(value: unknown): object | undefined {
  return value && typeof value === "object" ? value : undefined;
}

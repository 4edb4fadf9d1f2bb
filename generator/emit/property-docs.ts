import { type SchemaFacts, schemaFacts } from "../normalize/schema-facts.js";
import { escapeComment } from "./tsdoc.js";

type Node = Record<string, unknown>;

/**
 * Gives every property of every schema in `document` (a copy, changed in place) whose schema
 * says more than its type a description from its structure (`` `string`, 1 to 64 characters ``,
 * `` `number`, at least 0, read-only ``), before the spec's own description,
 * which only a `--keep-docs` import keeps. openapi-typescript writes a description as the
 * property's doc comment: the line an editor shows on hover. Its own `Format:` and `@enum` lines
 * stay; the format is left out here so it is not said twice.
 */
export function describeProperties(document: Node): void {
  for (const root of schemaRoots(document)) describeSchema(document, root);
}

/** The schemas a document holds: components, and the bodies of requests and responses. */
function* schemaRoots(document: Node): Generator<unknown> {
  const components = object(document.components);
  yield* Object.values(object(components.schemas));
  const bodies = [...Object.values(object(components.requestBodies)), ...Object.values(object(components.responses))];
  for (const item of Object.values(object(document.paths))) {
    for (const operation of Object.values(object(item))) {
      bodies.push(object(operation).requestBody, ...Object.values(object(object(operation).responses)));
    }
  }
  for (const body of bodies) for (const media of Object.values(object(object(body).content))) yield object(media).schema;
}

function describeSchema(document: Node, node: unknown, depth = 0): void {
  if (!node || typeof node !== "object") return;
  const schema = node as Node;
  // A `$ref` is described where it is defined; the depth bound is for hand-written cycles only.
  if (schema.$ref !== undefined || depth > 64) return;
  for (const [, property] of Object.entries(object(schema.properties))) {
    const propertySchema = object(property);
    if (propertySchema.$ref === undefined) {
      const line = propertyLine(schemaFacts(document, propertySchema));
      if (line) propertySchema.description = withProse(line, propertySchema.description);
    }
    describeSchema(document, property, depth + 1);
  }
  for (const key of ["items", "additionalProperties", "not"]) describeSchema(document, schema[key], depth + 1);
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    if (Array.isArray(schema[key])) for (const member of schema[key]) describeSchema(document, member, depth + 1);
  }
}

/**
 * The type, then what the type cannot say (bounds, direction); "" when there is nothing more to
 * say than the type and the format, which the hover shows already.
 */
function propertyLine(facts: SchemaFacts): string {
  const details = facts.details.filter((detail) => !detail.startsWith("format "));
  if (details.length === 0) return "";
  return escapeComment([...(facts.type ? [`\`${facts.type}\``] : []), ...details].join(", "), "line");
}

function withProse(line: string, prose: unknown): string {
  return typeof prose === "string" && prose.trim() ? `${line}\n\n${prose}` : line;
}

function object(value: unknown): Node {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Node) : {};
}

type Json = Record<string, any>;

export interface StructureFacts {
  operations: string[];
  parameters: string[];
  properties: string[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Lists the structural facts of an API description in a form that is the same for
 * Swagger 2.0 and OpenAPI 3.x: operations, parameters and every schema property reachable
 * from an operation. Conversion tests compare these lists before and after conversion.
 */
export function structureFacts(document: Json): StructureFacts {
  const facts: StructureFacts = { operations: [], parameters: [], properties: [] };
  const swagger2 = document.swagger === "2.0";
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const op = `${method.toUpperCase()} ${path}`;
      facts.operations.push(op);
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: Json) => resolve(document, p));
      for (const p of parameters) {
        if (swagger2 && (p.in === "body" || p.in === "formData")) {
          // OpenAPI 3 spells a form's `type: file` as a binary string.
          if (p.in === "formData")
            facts.parameters.push(`${op} body:${p.name}${p.required ? "!" : ""} ${p.type === "file" ? "string/binary" : typeOf(document, p)}`);
          else collectProperties(document, p.schema, `${op} body`, facts.properties, new Set());
        } else {
          const schema = swagger2 ? p : resolve(document, p.schema ?? {});
          facts.parameters.push(`${op} ${p.in}:${p.name}${p.required ? "!" : ""} ${typeOf(document, schema)}`);
        }
      }
      if (!swagger2 && operation.requestBody) {
        const body = resolve(document, operation.requestBody);
        for (const [type, media] of Object.entries<Json>(body.content ?? {})) {
          if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") {
            const form = resolve(document, media.schema ?? {});
            for (const [name, property] of Object.entries<Json>(form.properties ?? {})) {
              facts.parameters.push(`${op} body:${name}${form.required?.includes(name) ? "!" : ""} ${typeOf(document, property)}`);
            }
          } else {
            collectProperties(document, media.schema, `${op} body`, facts.properties, new Set());
          }
        }
      }
      for (const [status, response] of Object.entries<Json>(operation.responses ?? {})) {
        const resolved = resolve(document, response);
        const schemas = swagger2 ? [resolved.schema] : Object.values<Json>(resolved.content ?? {}).map((m) => m.schema);
        for (const schema of schemas) collectProperties(document, schema, `${op} ${status}`, facts.properties, new Set());
      }
    }
  }
  for (const list of Object.values(facts)) list.sort();
  facts.properties = [...new Set(facts.properties)];
  return facts;
}

function collectProperties(document: Json, schema: Json | undefined, at: string, out: string[], seen: Set<Json>): void {
  if (!schema || typeof schema !== "object") return;
  const resolved = resolve(document, schema);
  if (seen.has(resolved)) return;
  seen.add(resolved);
  for (const [name, property] of Object.entries<Json>(resolved.properties ?? {})) {
    const required = Array.isArray(resolved.required) && resolved.required.includes(name) ? "!" : "";
    out.push(`${at}.${name}${required} ${typeOf(document, property)}`);
    collectProperties(document, property, `${at}.${name}`, out, seen);
  }
  if (resolved.items) collectProperties(document, resolved.items, `${at}[]`, out, seen);
  if (resolved.additionalProperties && typeof resolved.additionalProperties === "object") {
    collectProperties(document, resolved.additionalProperties, `${at}{}`, out, seen);
  }
  // Swagger 2.0 has no oneOf/anyOf; PEM's documents spell them as extensions, which the
  // converter turns into the real keywords.
  for (const key of ["allOf", "oneOf", "anyOf", "x-oneOf", "x-anyOf"]) for (const part of resolved[key] ?? []) collectProperties(document, part, at, out, seen);
  seen.delete(resolved);
}

/** Type, format and enum of a schema (or a Swagger 2.0 parameter), as one comparable string. */
function typeOf(document: Json, node: Json): string {
  const schema = resolve(document, node);
  const type = Array.isArray(schema.type) ? schema.type.join("|") : (schema.type ?? "");
  const items = schema.items ? `[${typeOf(document, schema.items)}]` : "";
  const values = schema.enum ? `{${schema.enum.join(",")}}` : "";
  return `${type}${schema.format ? `/${schema.format}` : ""}${items}${values}`;
}

function resolve(document: Json, node: Json): Json {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 50; hops++) {
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .map((t: string) => t.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((n: Json | undefined, t: string) => n?.[t], document) as Json;
  }
  return current ?? {};
}

import type { OpenApiDocument } from "../convert/to-openapi3.js";
import { jsonPointer, unescapePointerToken, valueAt } from "../json-pointer.js";
import type { Change } from "./change.js";

/** A spec file as given (Swagger 2.0 or OpenAPI 3.x) and the model document made from it. */
export interface SpecDocuments {
  source: Record<string, unknown>;
  model: OpenApiDocument;
}

/** The changes with their pointers moved from the model documents into the files as given. */
export function pointIntoSources(changes: readonly Change[], documents: { old: SpecDocuments; new: SpecDocuments }): Change[] {
  const into = (side: "old" | "new", pointer: string | undefined) => (pointer === undefined ? {} : { [side]: sourcePointer(documents[side], pointer) });
  return changes.map((change) => ({ ...change, pointers: { ...into("old", change.pointers.old), ...into("new", change.pointers.new) } }));
}

type Tokens = string[];

/**
 * A pointer into a model document as a pointer into the file it was made from. The model differs
 * from the file where normalization took parameters out (PEM's X-Auth-Token: the rest are found
 * by name and location) and, for Swagger 2.0, where the conversion to OpenAPI 3 moved things:
 * `components/schemas` is `definitions`, a request body is the `in: body` parameter (a form field
 * its `in: formData` one), a response's `content/<type>/schema` its `schema`, and a parameter's or
 * header's `schema` the parameter or header itself. Where the file has no such place, the pointer
 * stops at the nearest enclosing one that exists.
 */
export function sourcePointer({ source, model }: SpecDocuments, pointer: string): string {
  const tokens = withSourceParameterIndex(source, model, pointer.split("/").slice(1).map(unescapePointerToken));
  const mapped = source.swagger === "2.0" ? fromSwagger(source, tokens) : tokens;
  while (mapped.length > 0 && valueAt(source, mapped) === undefined) mapped.pop();
  return jsonPointer(mapped);
}

/** A parameter of a path item or operation at its index in the file's list, which may hold more. */
function withSourceParameterIndex(source: object, model: object, tokens: Tokens): Tokens {
  const index = parameterIndex(tokens);
  if (index === undefined) return tokens;
  return [...tokens.slice(0, index), sourceParameterIndex(source, model, tokens.slice(0, index + 1)), ...tokens.slice(index + 1)];
}

function fromSwagger(source: Record<string, unknown>, tokens: Tokens): Tokens {
  const [head, name, ...rest] = tokens;
  if (head === "components" && rest.length > 0) {
    const [component, ...inner] = rest as [string, ...Tokens];
    if (name === "schemas") return ["definitions", component, ...inner];
    if (name === "securitySchemes") return ["securityDefinitions", component, ...inner];
    if (name === "responses") return ["responses", component, ...swaggerResponse(inner)];
    if (name === "parameters") return ["parameters", component, ...withoutSchema(inner)];
    // Swagger 2.0 keeps shared bodies among the parameters.
    if (name === "requestBodies") return ["parameters", component, ...bodySchema(inner)];
    return [...tokens];
  }
  if (head === "servers") return serverField(source, tokens.slice(1));
  if (head !== "paths") return [...tokens];
  const index = parameterIndex(tokens);
  if (index !== undefined) return [...tokens.slice(0, index + 1), ...withoutSchema(tokens.slice(index + 1))];
  const [method, part, ...inside] = rest;
  const operation = ["paths", name!, method!];
  if (part === "responses" && inside.length > 0) return [...operation, "responses", inside[0]!, ...swaggerResponse(inside.slice(1))];
  if (part === "requestBody") return requestBody(source, operation, inside);
  return [...tokens];
}

/** Where a token sequence names a parameter of a path item or operation (`paths/p/parameters/0`, `paths/p/get/parameters/0`): the index's position. */
function parameterIndex(tokens: Tokens): number | undefined {
  if (tokens[0] !== "paths") return undefined;
  if (tokens[2] === "parameters" && tokens.length > 3) return 3;
  if (tokens[3] === "parameters" && tokens.length > 4) return 4;
  return undefined;
}

/** The index, in the file's list, of the parameter the model's list has at the end of `tokens`: the one of the same name and location. */
function sourceParameterIndex(source: object, model: object, tokens: Tokens): string {
  const parameter = valueAt(model, tokens) as { name?: unknown; in?: unknown } | undefined;
  const list = valueAt(source, tokens.slice(0, -1));
  const index = Array.isArray(list)
    ? list.findIndex((p: { name?: unknown; in?: unknown } | null) => p?.name === parameter?.name && p?.in === parameter?.in)
    : -1;
  return index >= 0 ? String(index) : tokens.at(-1)!;
}

/** A Swagger 2.0 parameter or header carries its schema's keywords itself. */
function withoutSchema(rest: Tokens): Tokens {
  return rest[0] === "schema" ? rest.slice(1) : rest;
}

/** `content/<type>/schema/…` of a request body: the body parameter's `schema/…`. */
function bodySchema(rest: Tokens): Tokens {
  return rest[0] === "content" && rest[2] === "schema" ? rest.slice(2) : [];
}

/** Inside a response: `content/<type>/schema/…` is `schema/…`, `headers/<h>/schema/…` is `headers/<h>/…`. */
function swaggerResponse(rest: Tokens): Tokens {
  if (rest[0] === "content") return rest[2] === "schema" ? rest.slice(2) : [];
  if (rest[0] === "headers" && rest.length > 1) return ["headers", rest[1]!, ...withoutSchema(rest.slice(2))];
  return rest;
}

/** An operation's request body: its `in: body` parameter, or the `in: formData` one a form property came from. */
function requestBody(source: Record<string, unknown>, operation: Tokens, rest: Tokens): Tokens {
  const candidates = [...listed(source, [...operation, "parameters"]), ...listed(source, [...operation.slice(0, 2), "parameters"])];
  const body = candidates.find((c) => c.parameter.in === "body");
  if (body) return [...body.tokens, ...bodySchema(rest)];
  // A form: `content/<type>/schema/properties/<field>/…` is the formData parameter of that name.
  const field = rest[0] === "content" && rest[2] === "schema" && rest[3] === "properties" ? rest[4] : undefined;
  const formField = candidates.find((c) => c.parameter.in === "formData" && c.parameter.name === field);
  return formField ? [...formField.tokens, ...rest.slice(5)] : operation;
}

/** The parameters listed at `tokens`, each with where it is defined: in the list, or where its `$ref` leads. */
function listed(source: Record<string, unknown>, tokens: Tokens): { parameter: { in?: unknown; name?: unknown }; tokens: Tokens }[] {
  const list = valueAt(source, tokens);
  if (!Array.isArray(list)) return [];
  return list.map((entry: { $ref?: unknown }, i) => {
    const ref = typeof entry?.$ref === "string" && entry.$ref.startsWith("#/") ? entry.$ref.slice(2).split("/").map(unescapePointerToken) : undefined;
    const place = ref ?? [...tokens, String(i)];
    return { parameter: (valueAt(source, place) ?? {}) as { in?: unknown; name?: unknown }, tokens: place };
  });
}

/** Swagger 2.0 splits a server into host, basePath and schemes: a server's `url` is mostly its basePath. */
function serverField(source: Record<string, unknown>, rest: Tokens): Tokens {
  const fields = rest.length === 0 ? ["schemes", "host"] : rest.at(-1) === "url" && rest.length === 2 ? ["basePath", "host"] : ["host", "basePath"];
  const present = fields.find((field) => field in source);
  return present ? [present] : [];
}

import type { OpenAPIV3 } from "openapi-types";
import { resolveRef } from "../../normalize/resolve-ref.js";
import type { OperationRef } from "../api-diff.js";
import { operationLabel } from "../change.js";
import { baseName, squashed, words } from "./words.js";

type Schema = OpenAPIV3.SchemaObject;
export type InputLocation = "path" | "query" | "header" | "body";

/** What the successor signals read of one operation, computed once per operation. */
export interface OperationProfile {
  ref: OperationRef;
  /** `POST /v1/inventory/Nodes/List` */
  label: string;
  /** The method name without `Mixin<N>`, squashed: `listnodes`. */
  name: string;
  /** The name's first word in canonical form (`delete` → remove): what the operation does. */
  verb: string;
  /** The name after its first word, squashed: `node` of `listNodes`. */
  object: string;
  /** The words of the name, singular: list, node. */
  nameWords: Set<string>;
  namespace: string;
  /** Path words plus the verb the HTTP method implies (`GET /nodes` → list). */
  pathWords: Set<string>;
  /** Every input field by name, with where it goes. */
  inputs: Map<string, InputLocation>;
  /** Top-level properties of the first successful JSON response. */
  outputs: Set<string>;
  /** The response's properties that hold an object, when it is keyed like `bodyKeys`: `{ mysql: { service, … } }`. */
  outputKeys: Map<string, string[]>;
  /**
   * Top-level body properties that each hold an object, when the body is a choice among them
   * (`{ generic: {...} }` or `{ container: {...} }`): the keys a merged operation is addressed by,
   * each with the fields it holds.
   */
  bodyKeys: Map<string, string[]>;
}

const VERB_SYNONYMS: Record<string, string> = { delete: "remove", update: "change", create: "add" };

function canonicalVerb(word: string): string {
  return VERB_SYNONYMS[word] ?? word;
}

export function profileOperation(document: unknown, ref: OperationRef): OperationProfile {
  const { model } = ref;
  const name = baseName(model.name);
  const nameWords = words(name);
  const inputs = new Map<string, InputLocation>();
  for (const p of ref.parameters) if (p.in !== "cookie") inputs.set(p.name, p.in as InputLocation);
  const body = requestBodySchema(document, ref);
  const bodyProperties = propertiesOf(document, body);
  for (const key of Object.keys(bodyProperties)) if (!inputs.has(key)) inputs.set(key, "body");
  const outputProperties = propertiesOf(document, successSchema(document, ref));
  return {
    ref,
    label: operationLabel(model),
    name: squashed(name),
    verb: canonicalVerb(nameWords[0] ?? ""),
    object: squashed(name.replace(/^[a-z]+/, "")),
    nameWords: new Set(nameWords),
    namespace: squashed(model.namespace),
    pathWords: pathWords(model.httpMethod, model.path),
    inputs,
    outputs: new Set(Object.keys(outputProperties)),
    outputKeys: discriminatorKeys(document, outputProperties),
    bodyKeys: discriminatorKeys(document, bodyProperties),
  };
}

/** `/v1/management/backup/Artifacts/List` → management, backup, artifact, list. Version segments say nothing. */
function pathWords(method: string, path: string): Set<string> {
  const segments = path.split("/").filter((s) => s !== "" && !/^v\d+$/i.test(s));
  const result = new Set(segments.filter((s) => !s.startsWith("{")).flatMap((s) => words(s).map(canonicalVerb)));
  const endsWithParameter = segments.at(-1)?.startsWith("{") ?? false;
  const implied = { get: endsWithParameter ? "get" : "list", delete: "remove", put: "change", patch: "change" }[method];
  if (implied) result.add(implied);
  else if (method === "post" && !path.includes(":")) result.add("add");
  return result;
}

export function requestBodySchema(document: unknown, ref: OperationRef): Schema | undefined {
  const body = resolveRef<OpenAPIV3.RequestBodyObject>(document, ref.raw.requestBody);
  return jsonSchema(document, body?.content);
}

function successSchema(document: unknown, ref: OperationRef): Schema | undefined {
  const status = Object.keys(ref.raw.responses ?? {}).find((s) => /^2/.test(s));
  const response = status ? resolveRef<OpenAPIV3.ResponseObject>(document, ref.raw.responses[status]) : undefined;
  return jsonSchema(document, response?.content);
}

function jsonSchema(document: unknown, content: Record<string, OpenAPIV3.MediaTypeObject> | undefined): Schema | undefined {
  const type = Object.keys(content ?? {}).find((t) => t.includes("json"));
  return type ? resolveRef<Schema>(document, content![type]!.schema) : undefined;
}

/** The properties of an object schema, those of its allOf members included. */
export function propertiesOf(document: unknown, schema: Schema | undefined): Record<string, Schema> {
  if (!schema) return {};
  const own = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, resolveRef<Schema>(document, v) ?? {}]));
  const inherited = (schema.allOf ?? []).map((member) => propertiesOf(document, resolveRef<Schema>(document, member)));
  return Object.assign({}, ...inherited, own);
}

function discriminatorKeys(document: unknown, properties: Record<string, Schema>): Map<string, string[]> {
  const objects = Object.entries(properties)
    .map(([key, schema]) => [key, Object.keys(propertiesOf(document, schema))] as const)
    .filter(([, fields]) => fields.length > 0);
  // A body of one object, or one where objects are a minority, is a plain body with a nested part.
  return new Map(objects.length >= 2 && objects.length * 2 >= Object.keys(properties).length ? objects : []);
}

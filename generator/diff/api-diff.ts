import type { OpenAPIV3 } from "openapi-types";
import { type ApiModel, isJson, type OperationModel, operationKey } from "../normalize/build-model.js";
import { resolveRef } from "../normalize/resolve-ref.js";
import { type Pointers, pointersOf } from "./pointers.js";
import { type Documents, diffSchemas, type SchemaDiff } from "./schema-diff.js";
import { findSuccessors, type Successor } from "./successors/find-successors.js";

type Parameter = OpenAPIV3.ParameterObject;

/** One operation of one version, with the names the generated client gives it. */
export interface OperationRef {
  /** Method + path with parameter names blanked: `GET /server/{}`. Matches across renames. */
  key: string;
  model: OperationModel;
  raw: OpenAPIV3.OperationObject;
  parameters: Parameter[];
}

export interface ParameterDiff {
  old: Parameter;
  new: Parameter;
  requiredChanged?: { from: boolean; to: boolean };
  schema?: SchemaDiff;
  /** How the value is written into the request, where it changed (the effective `style` and `explode`, `allowEmptyValue`). */
  encoding?: { keyword: EncodingKeyword; from: string | boolean; to: string | boolean }[];
}

export type EncodingKeyword = "style" | "explode" | "allowEmptyValue";

/** A parameter's serialization keywords, their defaults filled in as OpenAPI 3 defines them. */
function encodingOf(p: Parameter): Record<EncodingKeyword, string | boolean> {
  const style = p.style ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple");
  return { style, explode: p.explode ?? style === "form", allowEmptyValue: p.allowEmptyValue === true };
}

export interface RequestBodyDiff {
  /** The bodies compared, each where it exists. */
  old?: OpenAPIV3.RequestBodyObject;
  new?: OpenAPIV3.RequestBodyObject;
  added?: { required: boolean };
  removed?: boolean;
  requiredChanged?: { from: boolean; to: boolean };
  contentTypesAdded: string[];
  contentTypesRemoved: string[];
  schemas: MediaSchemaDiff[];
}

/** The schema change under one media type of a body. */
export interface MediaSchemaDiff {
  /** The media type in the new version. */
  mediaType: string;
  /** Set beside other compared media types, except on the JSON one the client sends and parses. */
  label?: string;
  schema: SchemaDiff;
}

export interface ResponseDiff {
  status: string;
  /** The responses compared. */
  old: OpenAPIV3.ResponseObject;
  new: OpenAPIV3.ResponseObject;
  contentTypesAdded: string[];
  contentTypesRemoved: string[];
  schemas: MediaSchemaDiff[];
  /** Response headers (lower-case names) added and removed, with whether the spec requires them and where they are. */
  headersAdded: HeaderPresence[];
  headersRemoved: HeaderPresence[];
  /** Headers in both versions whose requiredness or schema changed. */
  headersModified: HeaderDiff[];
}

export interface HeaderPresence {
  name: string;
  required: boolean;
  /** The header in the document that has it. */
  pointers: Pointers;
}

export interface HeaderDiff {
  name: string;
  pointers: Pointers;
  requiredChanged?: { from: boolean; to: boolean };
  schema?: SchemaDiff;
}

export interface OperationDiff {
  key: string;
  old: OperationRef;
  new: OperationRef;
  pathParameterRenames: { from: string; to: string }[];
  parametersAdded: Parameter[];
  parametersRemoved: Parameter[];
  parametersMoved: { name: string; from: string; to: string; old: Parameter; new: Parameter }[];
  parametersModified: ParameterDiff[];
  requestBody?: RequestBodyDiff;
  responsesAdded: string[];
  responsesRemoved: string[];
  responsesModified: ResponseDiff[];
  deprecated?: { from: boolean; to: boolean };
}

/** Everything that differs between two versions of an API, before any judgement. */
export interface ApiDiff {
  old: ApiModel;
  new: ApiModel;
  /** The two models' documents, which changes point into (pointersOf). */
  documents: Documents;
  added: OperationRef[];
  removed: OperationRef[];
  /** Every operation present in both versions, changed or not. */
  matched: OperationDiff[];
  /** Removed operations whose job a new one took over: moved, or merged under a body key. */
  successors: Successor[];
}

export function diffApis(before: ApiModel, after: ApiModel): ApiDiff {
  const documents: Documents = { old: before.document, new: after.document };
  const afterRefs = operationRefs(after);
  const { pairs, added, removed } = pairOperations(operationRefs(before), afterRefs);
  const matched = pairs.map(([old, current]) => diffOperation(documents, old, current));
  const successors = findSuccessors(documents, removed, afterRefs, new Set(pairs.map(([, current]) => current)));
  return { old: before, new: after, documents, added, removed, matched, successors };
}

/**
 * Pairs each operation with its counterpart: the same method and path first, then the same
 * method and path shape (a renamed parameter). Exact pairs come first so that two paths of one
 * shape in one version (PEM v17's `/probe/{probe_id}/data/` and `/probe/{internal_name}/data/`)
 * are both counted, each with its own counterpart.
 */
function pairOperations(
  before: OperationRef[],
  after: OperationRef[],
): { pairs: [OperationRef, OperationRef][]; added: OperationRef[]; removed: OperationRef[] } {
  const exact = (op: OperationRef) => `${op.model.httpMethod} ${op.model.path}`;
  const pairs = new Map<OperationRef, OperationRef>();
  const unpairedOld = new Map(before.map((op) => [exact(op), op]));
  for (const op of after) {
    const old = unpairedOld.get(exact(op));
    if (old) {
      pairs.set(op, old);
      unpairedOld.delete(exact(op));
    }
  }
  const byShape = new Map<string, OperationRef[]>();
  for (const old of unpairedOld.values()) byShape.set(old.key, [...(byShape.get(old.key) ?? []), old]);
  for (const op of after.filter((o) => !pairs.has(o))) {
    const old = byShape.get(op.key)?.shift();
    if (old) pairs.set(op, old);
  }
  const pairedOld = new Set(pairs.values());
  return {
    pairs: after.filter((op) => pairs.has(op)).map((op) => [pairs.get(op)!, op]),
    added: after.filter((op) => !pairs.has(op)),
    removed: before.filter((op) => !pairedOld.has(op)),
  };
}

function operationRefs(model: ApiModel): OperationRef[] {
  const refs: OperationRef[] = [];
  for (const operation of model.operations) {
    const item = model.document.paths[operation.path]!;
    const raw = item[operation.httpMethod as OpenAPIV3.HttpMethods]!;
    const parameters = [...(item.parameters ?? []), ...(raw.parameters ?? [])]
      .map((p) => resolveRef<Parameter>(model.document, p))
      .filter((p): p is Parameter => p !== undefined);
    // Operation-level parameters override path-level ones of the same name and location.
    const unique = new Map(parameters.map((p) => [parameterIdentity(p), p]));
    const key = operationKey(operation.httpMethod, operation.path);
    refs.push({ key, model: operation, raw, parameters: [...unique.values()] });
  }
  return refs;
}

function diffOperation(documents: Documents, before: OperationRef, after: OperationRef): OperationDiff {
  const templateNames = (path: string) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const [oldNames, newNames] = [templateNames(before.model.path), templateNames(after.model.path)];
  const pathParameterRenames = oldNames.flatMap((from, i) => (from !== newNames[i] ? [{ from, to: newNames[i]! }] : []));
  const renamed = new Map(pathParameterRenames.map((r) => [r.from, r.to]));
  // Path parameters are matched by position, so a rename is not an add plus a remove.
  const identity = (p: Parameter, renames?: Map<string, string>) => (p.in === "path" ? `path:${renames?.get(p.name) ?? p.name}` : parameterIdentity(p));
  const oldParams = new Map(before.parameters.map((p) => [identity(p, renamed), p]));
  const newParams = new Map(after.parameters.map((p) => [identity(p), p]));
  let parametersAdded = [...newParams].filter(([k]) => !oldParams.has(k)).map(([, p]) => p);
  let parametersRemoved = [...oldParams].filter(([k]) => !newParams.has(k)).map(([, p]) => p);
  const parametersMoved = parametersRemoved.flatMap((old) => {
    const moved = parametersAdded.find((p) => p.name === old.name);
    return moved ? [{ name: old.name, from: old.in, to: moved.in, old, new: moved }] : [];
  });
  const movedNames = new Set(parametersMoved.map((m) => m.name));
  parametersAdded = parametersAdded.filter((p) => !movedNames.has(p.name));
  parametersRemoved = parametersRemoved.filter((p) => !movedNames.has(p.name));
  const parametersModified = [...newParams].flatMap(([k, p]): ParameterDiff[] => {
    const old = oldParams.get(k);
    if (!old) return [];
    const diff: ParameterDiff = { old, new: p };
    const [was, is] = [old.required === true, p.required === true];
    if (was !== is) diff.requiredChanged = { from: was, to: is };
    const schema = diffSchemas(documents, old.schema, p.schema);
    if (schema) diff.schema = is ? { ...schema, required: true } : schema;
    const [oldEncoding, newEncoding] = [encodingOf(old), encodingOf(p)];
    const encoding = (Object.keys(oldEncoding) as EncodingKeyword[])
      .filter((keyword) => oldEncoding[keyword] !== newEncoding[keyword])
      .map((keyword) => ({ keyword, from: oldEncoding[keyword], to: newEncoding[keyword] }));
    if (encoding.length > 0) diff.encoding = encoding;
    return diff.requiredChanged || diff.schema || diff.encoding ? [diff] : [];
  });

  const [oldResponses, newResponses] = [before.raw.responses ?? {}, after.raw.responses ?? {}];
  const responsesModified = Object.keys(newResponses)
    .filter((status) => status in oldResponses)
    .flatMap((status): ResponseDiff[] => {
      // A $ref that leads nowhere compares as a response without content or headers.
      const was = resolveRef<OpenAPIV3.ResponseObject>(documents.old, oldResponses[status]) ?? { description: "" };
      const is = resolveRef<OpenAPIV3.ResponseObject>(documents.new, newResponses[status]) ?? { description: "" };
      const content = diffContent(documents, was.content, is.content);
      const headers = diffHeaders(documents, was.headers, is.headers);
      if (!content && headers.headersAdded.length === 0 && headers.headersRemoved.length === 0 && headers.headersModified.length === 0) return [];
      return [{ status, old: was, new: is, ...(content ?? NO_CONTENT_CHANGE), ...headers }];
    });

  const result: OperationDiff = {
    key: after.key,
    old: before,
    new: after,
    pathParameterRenames,
    parametersAdded,
    parametersRemoved,
    parametersMoved,
    parametersModified,
    responsesAdded: Object.keys(newResponses).filter((s) => !(s in oldResponses)),
    responsesRemoved: Object.keys(oldResponses).filter((s) => !(s in newResponses)),
    responsesModified,
  };
  const requestBody = diffRequestBody(documents, before.raw.requestBody, after.raw.requestBody);
  if (requestBody) result.requestBody = requestBody;
  const [wasDeprecated, isDeprecated] = [before.raw.deprecated === true, after.raw.deprecated === true];
  if (wasDeprecated !== isDeprecated) result.deprecated = { from: wasDeprecated, to: isDeprecated };
  return result;
}

function diffRequestBody(documents: Documents, oldRef: unknown, newRef: unknown): RequestBodyDiff | undefined {
  const before = resolveRef<OpenAPIV3.RequestBodyObject>(documents.old, oldRef);
  const after = resolveRef<OpenAPIV3.RequestBodyObject>(documents.new, newRef);
  if (!before && !after) return undefined;
  if (!before) return { new: after!, added: { required: after!.required === true }, ...NO_CONTENT_CHANGE };
  if (!after) return { old: before, removed: true, ...NO_CONTENT_CHANGE };
  const content = diffContent(documents, before.content, after.content);
  const [was, is] = [before.required === true, after.required === true];
  if (!content && was === is) return undefined;
  return {
    old: before,
    new: after,
    ...(content ?? NO_CONTENT_CHANGE),
    ...(was !== is ? { requiredChanged: { from: was, to: is } } : {}),
  };
}

/** Header and query parameter names are case-insensitive on the wire (`X-Trace` ≡ `x-trace`). */
function parameterIdentity(p: Parameter): string {
  return `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`;
}

function diffHeaders(documents: Documents, before: OpenAPIV3.ResponseObject["headers"] = {}, after: OpenAPIV3.ResponseObject["headers"] = {}) {
  const named = (document: unknown, headers: NonNullable<OpenAPIV3.ResponseObject["headers"]>) =>
    new Map(
      Object.entries(headers).map(([name, header]) => {
        const resolved = resolveRef<OpenAPIV3.HeaderObject>(document, header);
        return [name.toLowerCase(), { name: name.toLowerCase(), required: resolved?.required === true, schema: resolved?.schema, node: header }];
      }),
    );
  const [was, is] = [named(documents.old, before), named(documents.new, after)];
  const headersModified = [...is.values()].flatMap(({ name, required, schema, node }): HeaderDiff[] => {
    const old = was.get(name);
    if (!old) return [];
    const diff: HeaderDiff = { name, pointers: pointersOf(documents, old.node, node) };
    if (old.required !== required) diff.requiredChanged = { from: old.required, to: required };
    const schemaDiff = diffSchemas(documents, old.schema, schema);
    if (schemaDiff) diff.schema = schemaDiff;
    return diff.requiredChanged || diff.schema ? [diff] : [];
  });
  return {
    headersAdded: [...is.values()]
      .filter((h) => !was.has(h.name))
      .map(({ name, required, node }) => ({ name, required, pointers: pointersOf(documents, undefined, node) })),
    headersRemoved: [...was.values()]
      .filter((h) => !is.has(h.name))
      .map(({ name, required, node }) => ({ name, required, pointers: pointersOf(documents, node, undefined) })),
    headersModified,
  };
}

const NO_CONTENT_CHANGE = { contentTypesAdded: [], contentTypesRemoved: [], schemas: [] } as const satisfies Partial<RequestBodyDiff>;

/**
 * Content types added and removed, and the schema change under every media type both versions
 * share (or under the only media type on each side, when the type itself changed): a change
 * under `application/xml` beside `application/json` is as real to a caller who sends XML.
 */
function diffContent(
  documents: Documents,
  before: Record<string, OpenAPIV3.MediaTypeObject> = {},
  after: Record<string, OpenAPIV3.MediaTypeObject> = {},
): Pick<RequestBodyDiff, "contentTypesAdded" | "contentTypesRemoved" | "schemas"> | undefined {
  const contentTypesAdded = Object.keys(after).filter((t) => !(t in before));
  const contentTypesRemoved = Object.keys(before).filter((t) => !(t in after));
  const [oldTypes, newTypes] = [Object.keys(before), Object.keys(after)];
  const shared = newTypes.filter((t) => t in before);
  const pairs: [string, string][] =
    shared.length > 0 ? shared.map((t) => [t, t]) : oldTypes.length === 1 && newTypes.length === 1 ? [[oldTypes[0]!, newTypes[0]!]] : [];
  // The JSON media type the client uses goes unlabelled (`request body .name`); the others say which they are.
  const primary = shared.find(isJson) ?? (pairs.length === 1 ? pairs[0]![1] : undefined);
  const schemas = pairs.flatMap(([oldType, newType]): MediaSchemaDiff[] => {
    // A media type without a schema admits any value: one that gains or loses its schema narrows or widens.
    const schema = diffSchemas(documents, before[oldType]!.schema ?? {}, after[newType]!.schema ?? {});
    if (!schema) return [];
    return [{ mediaType: newType, ...(newType === primary ? {} : { label: newType }), schema }];
  });
  if (schemas.length === 0 && contentTypesAdded.length === 0 && contentTypesRemoved.length === 0) return undefined;
  return { contentTypesAdded, contentTypesRemoved, schemas };
}

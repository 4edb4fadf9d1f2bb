import type { OpenAPIV3 } from "openapi-types";
import type { OpenApiDocument } from "../convert/to-openapi3.js";
import { SpecError } from "../errors.js";
import { jsonPointer } from "../json-pointer.js";
import type { ApiConfig } from "../load/api-config.js";
import type { AuthKind } from "../load/login-kinds.js";
import type { OnDefect } from "../validate/defects.js";
import { HTTP_METHODS } from "./http-methods.js";
import { pascalCase } from "./identifiers.js";
import { int64AsString, int64InputsTakeNumbers } from "./int64-wire.js";
import { liftAuthHeader } from "./lift-auth-header.js";
import { assignNames } from "./naming.js";
import { resolveRef } from "./resolve-ref.js";
import { schemaFacts } from "./schema-facts.js";

/** One API version, as every emitter sees it. */
export interface ApiModel {
  api: string;
  version: string;
  auth: AuthKind;
  /** Path prefix of every operation (`/api/v10`); empty when the paths are absolute. */
  basePath: string;
  /** The OpenAPI 3 document after normalization: what the schema types are generated from. */
  document: OpenApiDocument;
  /** Sorted by namespace, then method name. */
  operations: OperationModel[];
}

export type ParameterLocation = "path" | "query" | "header";
export type ResponseParsing = "json" | "text" | "blob";
/** A request body sent as a form rather than JSON. */
export type FormEncoding = "multipart" | "urlencoded";

/** One parameter, as the generated docs describe it. */
export interface ParameterModel {
  name: string;
  location: ParameterLocation;
  required: boolean;
  /** Its TypeScript type when the schema is a simple one (`string`, `"A" | "B"`, `boolean[]`). */
  type?: string;
  /** Its format and bounds, for the docs (`format date-time`, `1 to 65535`). */
  details?: string[];
}

export interface MediaModel {
  status: string;
  /** Absent when the response has no body. */
  contentType?: string;
}

export interface OperationModel {
  namespace: string;
  name: string;
  /**
   * `PascalCase(namespace) + PascalCase(name)`: the key of this operation's types in the
   * generated `operations` type (not the spec's operationId, which naming reads).
   */
  typeName: string;
  /** The HTTP method, lower-case (`get`); the client method is `name`. */
  httpMethod: string;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** For each location with parameters: whether at least one of them is required. */
  parameters: Partial<Record<ParameterLocation, { required: boolean }>>;
  /** Each parameter, in the spec's order; the operation's own replace the path item's of the same name and location. */
  parameterList: ParameterModel[];
  requestBody?: { required: boolean; contentType: string; form?: FormEncoding };
  /**
   * Other operations with the same method whose path differs only in parameter names
   * (`/probe/{probe_id}/data/` and `/probe/{internal_name}/data/`): they send the same URL.
   */
  sameUrlAs: { namespace: string; name: string; path: string }[];
  success: MediaModel[];
  errors: MediaModel[];
  parseAs: ResponseParsing;
}

/**
 * Normalizes a converted document in place and describes its operations. With `onDefect`
 * (lenient reading, for `diff`), a document without operations and a server URL that is a
 * relative reference (`example.com`) are reported to it instead of refused.
 */
export function buildModel(source: string, version: string, config: ApiConfig, document: OpenApiDocument, onDefect?: OnDefect): ApiModel {
  if (config.authHeader) liftAuthHeader(document, config.authHeader);
  if (config.int64 === "string") {
    int64AsString(document);
    int64InputsTakeNumbers(document);
  }

  const found: { httpMethod: string; path: string; operation: OpenAPIV3.OperationObject; item: OpenAPIV3.PathItemObject }[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!item) continue;
    for (const httpMethod of HTTP_METHODS) {
      const operation = item[httpMethod];
      if (operation) found.push({ httpMethod, path, operation, item });
    }
  }
  if (found.length === 0 && onDefect)
    onDefect({ pointer: "/paths", problem: "the document describes no operations", handling: "compared as an API without any" });
  else if (found.length === 0) {
    throw new SpecError(source, "/paths", "the document describes no operations.", "Check that this is the API description you meant to use.");
  }
  const names = assignNames(
    found.map(({ httpMethod, path, operation }) => ({ httpMethod, path, operationId: operation.operationId, tag: operation.tags?.[0] })),
    config.naming,
  );

  const seen = new Map<string, string>();
  const operations = found.map(({ httpMethod, path, operation, item }, index) => {
    const { namespace, name } = names[index]!;
    const typeName = `${pascalCase(namespace)}${pascalCase(name)}`;
    const where = `${httpMethod.toUpperCase()} ${path}`;
    const clash = seen.get(typeName);
    if (clash) {
      throw new SpecError(
        source,
        jsonPointer(["paths", path, httpMethod]),
        `${where} and ${clash} both get the name ${namespace}.${name}.`,
        "Their paths differ only in parameter names or a trailing slash, so no naming rule can tell them apart; remove one of them from the spec.",
      );
    }
    seen.set(typeName, where);
    // openapi-typescript keys `operations` by operationId: the converted document's become our
    // type names, which are clean and unique (the spec's own stay in the model's inputs to naming).
    operation.operationId = typeName;
    return describeOperation(document, { namespace, name, typeName, httpMethod, path }, operation, item);
  });
  linkSameUrls(operations);
  operations.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
  return { api: config.name, version, auth: config.auth, basePath: basePath(source, document, onDefect), document, operations };
}

function describeOperation(
  document: OpenApiDocument,
  names: Pick<OperationModel, "namespace" | "name" | "typeName" | "httpMethod" | "path">,
  operation: OpenAPIV3.OperationObject,
  item: OpenAPIV3.PathItemObject,
): OperationModel {
  const parameters: OperationModel["parameters"] = {};
  const parameterList = new Map<string, ParameterModel>();
  for (const ref of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef<OpenAPIV3.ParameterObject>(document, ref);
    if (!parameter || (parameter.in !== "path" && parameter.in !== "query" && parameter.in !== "header")) continue;
    const required = parameter.in === "path" || parameter.required === true;
    parameters[parameter.in] ??= { required: false };
    parameters[parameter.in]!.required ||= required;
    const { type, details } = schemaFacts(document, parameter.schema);
    parameterList.set(`${parameter.in}:${parameter.name}`, {
      name: parameter.name,
      location: parameter.in,
      required,
      ...(type ? { type } : {}),
      ...(details.length > 0 ? { details } : {}),
    });
  }
  const body = resolveRef<OpenAPIV3.RequestBodyObject>(document, operation.requestBody);
  const bodyType = body ? pickContentType(Object.keys(body.content ?? {})) : undefined;
  const success: MediaModel[] = [];
  const errors: MediaModel[] = [];
  for (const [status, ref] of Object.entries(operation.responses ?? {})) {
    const response = resolveRef<OpenAPIV3.ResponseObject>(document, ref);
    const contentType = pickContentType(Object.keys(response?.content ?? {}));
    (/^2/.test(status) ? success : errors).push(contentType ? { status, contentType } : { status });
  }
  return {
    ...names,
    ...(operation.summary ? { summary: operation.summary } : {}),
    ...(operation.description ? { description: operation.description } : {}),
    deprecated: operation.deprecated === true,
    parameters,
    parameterList: [...parameterList.values()],
    ...(body && bodyType ? { requestBody: { required: body.required === true, contentType: bodyType, ...formEncoding(bodyType) } } : {}),
    sameUrlAs: [],
    success,
    errors,
    parseAs: parsing(success),
  };
}

/** An operation's method and path shape (`GET /server/{}`): paths that differ only in parameter names share it. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`;
}

/** Fills each operation's `sameUrlAs`: the spec describes such operations as one URL shape twice. */
function linkSameUrls(operations: OperationModel[]): void {
  const byShape = new Map<string, OperationModel[]>();
  for (const op of operations) {
    const shape = operationKey(op.httpMethod, op.path);
    byShape.set(shape, [...(byShape.get(shape) ?? []), op]);
  }
  for (const group of byShape.values()) {
    for (const op of group) op.sameUrlAs = group.filter((other) => other !== op).map(({ namespace, name, path }) => ({ namespace, name, path }));
  }
}

function formEncoding(contentType: string): { form?: FormEncoding } {
  if (contentType === "multipart/form-data") return { form: "multipart" };
  if (contentType === "application/x-www-form-urlencoded") return { form: "urlencoded" };
  return {};
}

/** Prefers JSON when a body can be sent or received in several media types. */
function pickContentType(types: string[]): string | undefined {
  return types.find(isJson) ?? types.sort()[0];
}

export function isJson(contentType: string): boolean {
  return /^application\/(.+\+)?json\b/.test(contentType) || contentType === "*/*";
}

function parsing(success: MediaModel[]): ResponseParsing {
  const types = success.flatMap((m) => (m.contentType ? [m.contentType] : []));
  if (types.length === 0 || types.some(isJson)) return "json";
  return types.every((t) => t.startsWith("text/")) ? "text" : "blob";
}

/**
 * The first server's path, which the client puts after the origin it is given. Only an http(s)
 * URL or a path from `/` has one: anything else (`x:.evil.example`) would be glued onto the host.
 */
function basePath(source: string, document: OpenApiDocument, onDefect?: OnDefect): string {
  const server = document.servers?.[0];
  if (!server?.url) return "";
  const url = server.url.replace(/\{([^}]*)\}/g, (_, name: string) => String(server.variables?.[name]?.default ?? "x"));
  if (!/^(https?:\/\/|\/)/i.test(url) && onDefect) {
    // A relative URL reference, valid OpenAPI: no client is made from it, so it has no base path to compare.
    onDefect({ pointer: "/servers/0/url", problem: `the server URL ${JSON.stringify(url)} is a relative reference`, handling: "compared without a base path" });
    return "";
  }
  if (!/^(https?:\/\/|\/)/i.test(url)) {
    throw new SpecError(
      source,
      "/servers/0/url",
      `the server URL ${JSON.stringify(url)} is neither an http(s) URL nor a path starting with "/".`,
      'Give the server as "https://host/base/path" or "/base/path".',
    );
  }
  // The URL parser resolves `.` and `..` segments; repeated and trailing slashes go here.
  return new URL(url, "http://relative.invalid").pathname.replace(/\/{2,}/g, "/").replace(/\/+$/, "");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { LOGIN_KINDS } from "../load/login-kinds.js";
import { pascalCase } from "./identifiers.js";

/*
 * The names users see in a generated version entry. The emitter writes them and the
 * version diff reports them, so both take them from here.
 */

/** Error classes of the runtime, re-exported by every version entry. */
export const RUNTIME_ERRORS = [
  "PemPmmClientError",
  "ApiError",
  "AuthenticationError",
  "ConnectionError",
  "InvalidResponseError",
  "RequestValidationError",
  "ResponseTooLargeError",
  "ResponseValidationError",
  "TimeoutError",
  "TlsError",
  "UnsupportedApiVersionError",
];

/**
 * Names at the top of every version entry that a namespace's type name must not shadow: its
 * exports, its type imports, and the global types its declarations use.
 */
const TOP_LEVEL_NAMES = new Set([
  "Client",
  "ClientOptions",
  "CallOptions",
  "Logger",
  "RetryOptions",
  "TlsOptions",
  "ValidationMode",
  "ValidationProblem",
  "createClient",
  "apiDescription",
  "operationTable",
  "isApiError",
  "ErrorBodies",
  "ApiDescription",
  "OperationTable",
  "paths",
  "components",
  "operations",
  ...RUNTIME_ERRORS,
  // Imported by the entries until the path calls moved to pathClient; kept so that no name changes.
  "ApiClient",
  ...Object.values(LOGIN_KINDS).flatMap((kind) => [kind.authOptions, kind.clientOptions, kind.clientBase]),
  "Promise",
  "NonNullable",
  "Blob",
]);

/** Whether a namespace's type name would shadow a top-level name; naming renames such namespaces. */
export function shadowsExport(namespace: string): boolean {
  return TOP_LEVEL_NAMES.has(pascalCase(namespace));
}

/** `PMM API v3`: an API version as the generated docs name it. */
export function apiVersionLabel(model: { api: string; version: string }): string {
  return `${model.api.toUpperCase()} API ${model.version}`;
}

/** `nodes.listNodes`: the client method, as reports, the upgrade tool and check-server name it. */
export function clientMethod(operation: { namespace: string; name: string }): string {
  return `${operation.namespace}.${operation.name}`;
}

/** The type namespace of a client namespace: `server` → `Server` (naming renamed any that would shadow a top-level name). */
export function namespaceTypeName(namespace: string): string {
  return pascalCase(namespace);
}

export type OperationTypeKind = "Params" | "Body" | "Input" | "Response" | "Error";

/** Whether a method takes an input (parameters or a body) before its call options: `m(input, options)`, else `m(options)`. */
export function takesInput(operation: { parameters: Partial<Record<"path" | "query" | "header", unknown>>; requestBody?: unknown }): boolean {
  return Boolean(operation.parameters.path || operation.parameters.query || operation.parameters.header || operation.requestBody);
}

/** Whether a method's input must be given: a required parameter in some location, or a required body. */
export function inputRequired(operation: {
  parameters: Partial<Record<"path" | "query" | "header", { required: boolean }>>;
  requestBody?: { required: boolean };
}): boolean {
  return Object.values(operation.parameters).some((location) => location?.required) || Boolean(operation.requestBody?.required);
}

/** A named type of one operation, as users write it: `Server.UpdateBody`. */
export function operationTypeName(operation: { namespace: string; name: string }, kind: OperationTypeKind): string {
  return `${namespaceTypeName(operation.namespace)}.${pascalCase(operation.name)}${kind}`;
}

import { pascalCase } from "./identifiers.js";

/**
 * The names users see in a generated version entry. The emitter writes them and the
 * version diff reports them, so both take them from here.
 */

/** Error classes of the runtime, re-exported by every version entry. */
export const RUNTIME_ERRORS = ["ApiError", "AuthenticationError", "ConnectionError", "TimeoutError", "TlsError", "UnsupportedApiVersionError"];

/** Exports of every version entry that a namespace's type name must not shadow. */
const TOP_LEVEL_NAMES = new Set(["Client", "ClientOptions", "CallOptions", "Logger", "RetryOptions", "TlsOptions", "createClient", "paths", "components", "operations", ...RUNTIME_ERRORS]);

/** The type namespace of a client namespace: `server` → `Server`. */
export function namespaceTypeName(namespace: string): string {
  const name = pascalCase(namespace);
  return TOP_LEVEL_NAMES.has(name) ? `${name}Api` : name;
}

export type OperationTypeKind = "Params" | "Body" | "Input" | "Response" | "Error";

/** Whether a method takes an input (parameters or a body) before its call options: `m(input, options)`, else `m(options)`. */
export function takesInput(operation: { parameters: Partial<Record<"path" | "query" | "header", unknown>>; requestBody?: unknown }): boolean {
  return Boolean(operation.parameters.path || operation.parameters.query || operation.parameters.header || operation.requestBody);
}

/** A named type of one operation, as users write it: `Server.UpdateBody`. */
export function operationTypeName(operation: { namespace: string; name: string }, kind: OperationTypeKind): string {
  return `${namespaceTypeName(operation.namespace)}.${pascalCase(operation.name)}${kind}`;
}

import { ApiError } from "./errors.js";
import { didYouMean } from "./nearest-name.js";
import type { OperationTable } from "./options.js";

/**
 * `isApiError` as each version entry exports it, over that version's operation table: whether
 * `error` is an ApiError (an AuthenticationError included) and, given `operation`
 * (`"nodes.getNode"`), one that a call of that method ended in: same HTTP method and path
 * template, so that its `body` is that method's error body. A failed login is no method's.
 *
 * @throws {TypeError} an `operation` the version has no method for, with the nearest name suggested.
 */
export function isApiErrorOf(table: OperationTable, error: unknown, operation?: string): error is ApiError {
  if (operation === undefined) return error instanceof ApiError;
  const entry = operationEntry(table, operation);
  if (!entry) {
    const names = Object.entries(table).flatMap(([namespace, methods]) => Object.keys(methods).map((name) => `${namespace}.${name}`));
    const given = typeof operation === "string" ? JSON.stringify(operation) : `a ${typeof operation}`;
    throw new TypeError(`isApiError: this version has no method ${given}; name one as "namespace.method".${didYouMean(String(operation), names)}`);
  }
  return error instanceof ApiError && error.method === entry.method && error.path === entry.path;
}

function operationEntry(table: OperationTable, operation: unknown) {
  if (typeof operation !== "string") return undefined;
  const dot = operation.indexOf(".");
  const [namespace, method] = [operation.slice(0, dot), operation.slice(dot + 1)];
  if (dot < 0 || !Object.hasOwn(table, namespace)) return undefined;
  const methods = table[namespace]!;
  return Object.hasOwn(methods, method) ? methods[method] : undefined;
}

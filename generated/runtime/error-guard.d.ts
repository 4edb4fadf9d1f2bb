import { ApiError } from "./errors.js";
import type { OperationTable } from "./options.js";
/**
 * `isApiError` as each version entry exports it, over that version's operation table: whether
 * `error` is an ApiError (an AuthenticationError included) and, given `operation`
 * (`"nodes.getNode"`), one that a call of that method ended in: same HTTP method and path
 * template, so that its `body` is that method's error body. A failed login is no method's.
 *
 * @throws {TypeError} an `operation` the version has no method for, with the nearest name suggested.
 */
export declare function isApiErrorOf(table: OperationTable, error: unknown, operation?: string): error is ApiError;

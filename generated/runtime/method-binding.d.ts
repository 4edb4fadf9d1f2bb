import type { Client as FetchClient, Middleware } from "openapi-fetch";
import type { RequestFunction } from "./direct-request.js";
import type { OperationTable, ValidationMode } from "./options.js";
import { type Validation } from "./validation.js";
/** The client's validation and its modes, which each call's options may override. */
export interface Checking {
    validation: Validation;
    validate: ValidationMode;
    validateRequests: ValidationMode;
}
/**
 * What the generated methods share: their two ways to the server, the client's secrets as they
 * are now, and its validation.
 */
export interface MethodContext {
    /** openapi-fetch's client, which the methods go through while the caller has middleware of their own. */
    fetchClient: FetchClient<Record<string, never>>;
    /** The runtime's middleware that must stay last (it sees the request that is sent); the caller's `use()` goes before it. */
    lastMiddleware: Middleware;
    /** The same calls without openapi-fetch's client, otherwise (direct-request.ts). */
    direct: RequestFunction;
    secrets: () => readonly string[];
    checking: Checking;
}
/**
 * Puts the client's methods on `client`, one frozen namespace per group of the operation table,
 * whose methods resolve to the data or reject with an ApiError. Returns openapi-fetch's path
 * calls (`GET`, …, `request`, `use`, `eject`) with their `{ data, error, response }` contract,
 * which the version entries' `pathClient` hands out (path-client.ts).
 */
export declare function bindMethods(client: Record<string | symbol, unknown>, operations: OperationTable, context: MethodContext): object;

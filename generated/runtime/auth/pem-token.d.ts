import type { Middleware } from "openapi-fetch";
import type { Logger } from "../logger.js";
import type { FetchFunction, PemAuth } from "../options.js";
import { type PemEndpoints } from "./pem-location.js";
export declare const PEM_TOKEN_HEADER = "X-Auth-Token";
export interface PemSessionSettings {
    auth: PemAuth;
    /** Where to log in, in order: the first layout whose token endpoint answers is kept. */
    endpoints: readonly PemEndpoints[];
    /** The API version the client was generated for (`v10`), checked against the server's lists. */
    apiVersion: string;
    refreshMarginMs: number;
    /** Each call's deadline, which covers waiting for a login too. */
    timeoutMs: number;
    /** The client's transport: timeouts, retries and TLS apply to logins too. */
    fetch: FetchFunction;
    logger: Required<Logger>;
    /** Aborted when the client is closed. */
    closed: AbortSignal;
}
/** What the client needs from a PEM session. */
export interface TokenSession {
    /** Adds the token to each request and handles a 401 with one re-login and replay. */
    middleware: Middleware;
    /** Releases the token (`DELETE …/token/`); the next call logs in again. */
    logout(): Promise<void>;
    /** The password and the token in use, which an error body may echo. */
    secrets(): string[];
}
/**
 * PEM's token lifecycle: one login for any number of concurrent calls, a fresh login
 * shortly before expiry, one re-login and replay after a 401, and logout. Credentials and
 * tokens live only in this closure.
 */
export declare function createPemSession(settings: PemSessionSettings): TokenSession;

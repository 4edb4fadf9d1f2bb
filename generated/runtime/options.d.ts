import type { AuthOf, LoginKindName } from "./auth/auth-shapes.js";
import type { ValidationProblem } from "./errors.js";
import type { Logger } from "./logger.js";
import type { FormEncoding } from "./transport/form-body.js";
/** PEM: log in with a user's credentials, or use a token obtained elsewhere. */
export type PemAuth = AuthOf<"pem-token">;
/** PMM: a service-account token or API key as a bearer token, HTTP basic, or an API key in basic form. */
export type PmmAuth = AuthOf<"pmm">;
/** A `fetch` that takes a `Request`, as openapi-fetch calls it. */
export type FetchFunction = (request: Request) => Promise<Response>;
/** TLS settings for this client only; process-wide settings are never touched. */
export interface TlsOptions {
    /** PEM-encoded CA certificate(s) to trust, such as PEM's self-signed CA. */
    ca?: string | Uint8Array | (string | Uint8Array)[];
    /** Client certificate and key for mutual TLS. */
    cert?: string | Uint8Array;
    key?: string | Uint8Array;
    passphrase?: string;
    /** The name to verify the server's certificate against, when it differs from the URL's host. */
    servername?: string;
    /**
     * Skips certificate verification. Anyone on the network path can then read and change
     * the traffic, credentials included. Logs a warning once. Prefer `ca`.
     */
    insecure?: boolean;
}
export interface RetryOptions {
    /** Retries after the first attempt (default 2). 0 disables retrying. */
    retries?: number;
    /** First backoff delay in ms (default 250); doubles each attempt, with full jitter. */
    minDelayMs?: number;
    /** Longest delay in ms between attempts (default 5000). */
    maxDelayMs?: number;
    /** The longest `Retry-After` to honour, in ms (default 30000); a longer one is not retried. */
    maxRetryAfterMs?: number;
    /** Also retry POST and PATCH (default false): only when the operation is safe to repeat. */
    retryNonIdempotent?: boolean;
}
export interface ClientOptions<Auth> {
    /**
     * The server. An origin alone (`https://pem.example.com`) means origin + the spec's base
     * path (`/api/v10`); a URL with a path (`https://pem.example.com/pem/api/v10`) is used as given.
     */
    baseUrl: string;
    /** Credentials; see the API's auth type. Never logged, never part of an error. */
    auth?: Auth;
    /**
     * Replaces the fetch that calls go through (for tests, proxies, instrumentation). By default
     * the client sends through the undici package's request API, sending and reading what fetch
     * would, and undici's global dispatcher (which `setGlobalDispatcher` sets), not through
     * `globalThis.fetch`. Not combinable with `tls`.
     */
    fetch?: FetchFunction;
    /**
     * Headers sent with every request. One that carries credentials (`Authorization`,
     * `X-Auth-Token`, `Cookie`, …) is held to the same plain-http rule as `auth`.
     */
    headers?: Record<string, string>;
    tls?: TlsOptions;
    /** Allow credentials over plain http:// to a host other than loopback (default false). */
    allowInsecureHttp?: boolean;
    /** Deadline of each call in ms, retries included (default 30000). */
    timeoutMs?: number;
    /**
     * The longest answer body the client reads, in bytes (default 64 MiB); a longer one fails
     * with ResponseTooLargeError as soon as it passes the limit. `Infinity` for no limit.
     */
    maxResponseBytes?: number;
    /** Retry policy for network errors and 429/502/503/504; `false` disables retries. */
    retry?: RetryOptions | false;
    /** Where the runtime reports logins, refreshes and retries. Silent by default, except warnings. */
    logger?: Logger;
    /**
     * Checks each success answer's JSON body against the spec (default "off"): "warn" logs each
     * operation and place that disagrees once through `logger`; "strict" throws ResponseValidationError.
     */
    validate?: ValidationMode;
    /** Checks JSON request bodies against the spec before they are sent (default "off"); "strict" throws RequestValidationError. */
    validateRequests?: ValidationMode;
}
/** The options only a PEM client takes: where and when it logs in. */
export interface PemTokenOptions {
    /** The token API's URL, when it is not the base URL's `…/api/token/`. */
    tokenUrl?: string;
    /** Log in again this long before the token expires (default 60000 ms). */
    refreshMarginMs?: number;
}
/** A PEM client's options. */
export type PemClientOptions = ClientOptions<PemAuth> & PemTokenOptions;
/** A PMM client's options. */
export type PmmClientOptions = ClientOptions<PmmAuth>;
/** Whether bodies are checked against the spec, and what a disagreement does: nothing, a warning, or an error. */
export type ValidationMode = "off" | "warn" | "strict";
/** Per-call options of the generated methods. */
export interface CallOptions {
    /** Aborts the call; combined with the client's timeout. */
    signal?: AbortSignal;
    /** Headers for this call; credential headers follow the same plain-http rule as `auth`. */
    headers?: Record<string, string>;
    /** Overrides the client's `validate` for this call. */
    validate?: ValidationMode;
    /** Overrides the client's `validateRequests` for this call. */
    validateRequests?: ValidationMode;
}
/** What a generated version entry tells the runtime about its API. */
export interface ApiDescription {
    api: string;
    version: string;
    basePath: string;
    /** How its clients log in: see auth/login-kinds.ts. */
    auth: LoginKindName;
    /** Imports the version's validators.js; called on the first validated call only. */
    validators?: () => Promise<ValidatorModule>;
}
/** A check of one body: pushes every disagreement with the spec onto `problems`. */
export type BodyCheck = (body: unknown, problems: ValidationProblem[]) => void;
/** What a generated validators.js exports, keyed by method name (`nodes.listNodes`). */
export interface ValidatorModule {
    /** method name → success status → check of that answer's body. */
    responses: Record<string, Record<string, BodyCheck>>;
    /** method name → check of its JSON request body. */
    requests: Record<string, BodyCheck>;
}
export interface OperationEntry {
    method: string;
    path: string;
    parseAs?: "text" | "blob";
    /** The method takes no parameters or body: its first argument is its call options. */
    noInput?: true;
    /** The method's input must be given (a required parameter or body): call options never come first. */
    inputRequired?: true;
    /** The body is a form, not JSON. */
    form?: FormEncoding;
    /** What a call must give besides a value for each `{name}` of `path`: query and header parameters by name, and a body. */
    required?: {
        query?: readonly string[];
        header?: readonly string[];
        body?: true;
    };
}
/** namespace → method name → operation. */
export type OperationTable = Record<string, Record<string, OperationEntry>>;

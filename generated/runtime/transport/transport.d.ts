import type { Logger } from "../logger.js";
import type { FetchFunction } from "../options.js";
import { type RetryPolicy } from "./retry-policy.js";
/**
 * Sends one attempt. The request's body, if any, was read once into `body` so that every
 * attempt can send it again; `signal` carries the call's deadline and the caller's abort.
 * Redirects are not followed here (`redirect: "manual"`): see redirects.ts.
 */
export type SendAttempt = (request: Request, signal: AbortSignal, body: ArrayBuffer | undefined) => Promise<Response>;
/** Sends attempts through the global fetch; passing the signal as init costs no extra Request. */
export declare const sendWithGlobalFetch: SendAttempt;
/** Sends attempts through a caller's fetch, which takes a single Request. */
export declare function sendWith(fetch: FetchFunction): SendAttempt;
export interface TransportSettings {
    send: SendAttempt;
    timeoutMs: number;
    /** The longest answer body read, in bytes. */
    maxResponseBytes: number;
    retry: RetryPolicy;
    /** Send credential headers over plain http:// to hosts other than loopback too. */
    allowInsecureHttp: boolean;
    logger: Required<Logger>;
    /** Aborted when the client is closed: nothing is sent after that, and waits for a retry end. */
    closed: AbortSignal;
}
/**
 * The `fetch` under openapi-fetch: a deadline per call (retries included, combined with the
 * caller's signal), retries with backoff for network errors and 429/502/503/504, and typed
 * errors. The body is buffered once so that every attempt can send it again. The call is
 * over, and its deadline timer released, when the answer's body has been read (see
 * response-body.ts) or the call failed.
 */
export declare function createTransport(settings: TransportSettings): FetchFunction;

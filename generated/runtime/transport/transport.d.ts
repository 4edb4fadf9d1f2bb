import type { Logger } from "../logger.js";
import type { FetchFunction } from "../options.js";
import { type RequestContext } from "./request-context.js";
import { type BodyWatch } from "./response-body.js";
import { type RetryPolicy } from "./retry-policy.js";
/**
 * One request as the transport sends it: what a `Request` holds, without building one. The
 * body is read whole beforehand, so that every attempt can send it again.
 */
export interface Outgoing {
    method: string;
    url: string;
    headers: Headers;
    body: ArrayBuffer | string | undefined;
}
/**
 * Sends one attempt; `signal` carries the call's deadline and the caller's abort. Redirects
 * are not followed here (`redirect: "manual"`): see redirects.ts.
 */
export type SendAttempt = (outgoing: Outgoing, signal: AbortSignal) => Promise<Response>;
/** Sends attempts through a caller's fetch, which takes a single Request. */
export declare function sendWith(fetch: FetchFunction): SendAttempt;
/** An answer whose status and declared length were checked, and what reading its body needs (response-body.ts). */
export interface Exchange {
    response: Response;
    watch: BodyWatch;
}
/** A client's transport: its own calls, and the `fetch` openapi-fetch and the logins send Requests through. */
export interface Transport {
    /**
     * Sends one call: the attempts, the deadline and the typed errors. The call is over, and its
     * deadline timer released, when the answer's body has been read through `watch` or the call failed.
     */
    exchange(outgoing: Outgoing, context: RequestContext, callerSignal: AbortSignal | undefined): Promise<Exchange>;
    /** The same for a Request, whose answer's body is counted as it is read (watchBody). */
    fetch: FetchFunction;
}
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
 * The client's transport: a deadline per call (retries included, combined with the caller's
 * signal), retries with backoff for network errors and 429/502/503/504, and typed errors.
 */
export declare function createTransport(settings: TransportSettings): Transport;

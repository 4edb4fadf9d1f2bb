import type { Outgoing, SendAttempt } from "./transport.js";
type Undici = typeof import("undici");
type Dispatcher = InstanceType<Undici["Dispatcher"]>;
/** A status outside 200–599, which a Response cannot hold (its constructor refuses it); transport.ts types it. */
export declare class NotAnHttpStatus extends Error {
    readonly status: number;
    constructor(status: number);
}
/**
 * Sends an attempt through undici's request API (the undici package the client depends on),
 * with the headers fetch would add and the body decoded as fetch decodes it, and hands back a
 * global Response. Without `dispatcher` it uses undici's global one, as Node's fetch does, so
 * that `setGlobalDispatcher` (a proxy agent) applies. fetch itself, undici's or Node's, was most
 * of a call's cost (bench/PROFILE.md). Redirects are not followed: see redirects.ts.
 */
export declare function sendThroughUndici(outgoing: Outgoing, signal: AbortSignal, dispatcher?: Dispatcher): Promise<Response>;
/** Sends attempts through undici and its global dispatcher; the `fetch` option replaces it. */
export declare const sendWithUndici: SendAttempt;
export {};

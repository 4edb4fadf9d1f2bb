import type { ClientAuth } from "./auth/login-kinds.js";
import type { Transport } from "./transport/transport.js";
/** A call's init, as openapi-fetch's `request` takes it (the part of it that the methods give). */
export interface CallInit {
    params?: {
        path?: Record<string, unknown>;
        query?: Record<string, unknown>;
        header?: Record<string, unknown>;
    };
    body?: unknown;
    bodySerializer?: (body: unknown, headers?: Headers) => unknown;
    headers?: Record<string, string>;
    parseAs?: string;
    signal?: AbortSignal;
}
/** openapi-fetch's answer to a call. */
export interface CallResult {
    data?: unknown;
    error?: unknown;
    response: Response;
}
/** openapi-fetch's `request`, as the runtime calls it; direct requests take the same. */
export type RequestFunction = (method: string, path: string, init?: CallInit) => Promise<CallResult>;
export interface DirectRequestSettings {
    /** The plan's base URL (LoginPlan). */
    baseUrl: string;
    /** The client's `headers` option. */
    headers: Record<string, string> | undefined;
    auth: ClientAuth;
    transport: Transport;
}
/**
 * The methods' way to the server without openapi-fetch's client: the request it would build
 * (its own serializers, its order of headers), sent through the transport with no `Request`
 * object, no middleware loop and no second stream around the answer's body, and the answer
 * read as openapi-fetch reads it. The methods take it while the caller has registered no
 * middleware of their own (`pathClient(client).use`), which sees openapi-fetch's Requests.
 */
export declare function directRequest(settings: DirectRequestSettings): RequestFunction;

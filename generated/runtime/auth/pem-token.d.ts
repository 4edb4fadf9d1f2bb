import type { Logger } from "../logger.js";
import type { FetchFunction, PemAuth } from "../options.js";
export declare const PEM_TOKEN_HEADER = "X-Auth-Token";
export interface PemSessionSettings {
    auth: PemAuth;
    tokenUrl: string;
    /** The API version the client was generated for (`v10`), checked against the server's lists. */
    apiVersion: string;
    refreshMarginMs: number;
    /** The client's transport: timeouts, retries and TLS apply to logins too. */
    fetch: FetchFunction;
    logger: Required<Logger>;
}
/**
 * PEM's token lifecycle: one login for any number of concurrent calls, a fresh login
 * shortly before expiry, one re-login and replay after a 401, and logout. Credentials and
 * tokens live only in this closure.
 */
export declare function createPemSession(settings: PemSessionSettings): {
    middleware: {
        onRequest: (options: import("openapi-fetch").MiddlewareCallbackParams) => void | Request | Response | undefined | Promise<Request | Response | undefined | void>;
        onResponse?: (options: import("openapi-fetch").MiddlewareCallbackParams & {
            response: Response;
        }) => void | Response | undefined | Promise<Response | undefined | void>;
        onError?: (options: import("openapi-fetch").MiddlewareCallbackParams & {
            error: unknown;
        }) => void | Response | Error | Promise<void | Response | Error>;
    } | {
        onRequest?: (options: import("openapi-fetch").MiddlewareCallbackParams) => void | Request | Response | undefined | Promise<Request | Response | undefined | void>;
        onResponse: (options: import("openapi-fetch").MiddlewareCallbackParams & {
            response: Response;
        }) => void | Response | undefined | Promise<Response | undefined | void>;
        onError?: (options: import("openapi-fetch").MiddlewareCallbackParams & {
            error: unknown;
        }) => void | Response | Error | Promise<void | Response | Error>;
    };
    logout: () => Promise<void>;
};

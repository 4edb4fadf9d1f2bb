import type { FetchFunction, PemAuth } from "../options.js";
export declare const PEM_TOKEN_HEADER = "X-Auth-Token";
/**
 * PEM: logs in through the token API (`POST …/token/`, token in `X-Subject-Token`) and
 * sends the token as `X-Auth-Token`. Credentials live only in this closure.
 */
export declare function pemTokenAuth(auth: PemAuth, tokenUrl: string, fetchFn: FetchFunction): {
    middleware: {
        onRequest: (options: import("openapi-fetch").MiddlewareCallbackParams) => void | Request | Response | undefined | Promise<Request | Response | undefined | void>;
        onResponse?: (options: import("openapi-fetch").MiddlewareCallbackParams & {
            response: Response;
        }) => void | Response | undefined | Promise<Response | undefined | void>;
        onError?: (options: import("openapi-fetch").MiddlewareCallbackParams & {
            error: unknown;
        }) => void | Response | Error | Promise<void | Response | Error>;
    };
};

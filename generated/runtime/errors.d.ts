/**
 * Every error this client throws. Messages name the method and path template (ids and
 * secrets stay out); credentials and tokens never appear in a message, a field or a cause.
 */
/** The server answered a call with a non-success status. */
export declare class ApiError<Body = unknown> extends Error {
    name: string;
    readonly status: number;
    readonly method: string;
    /** The path template, such as `/server/{server_id}`. */
    readonly path: string;
    /** The server's request id, when it sent one (`X-Request-Id`). */
    readonly requestId: string | undefined;
    /** The parsed error body; PMM sends `{ code, message, details }`. */
    readonly body: Body;
    constructor(call: {
        method: string;
        path: string;
        status: number;
        requestId?: string | undefined;
        body: Body;
    });
}
/** Logging in failed, or the server rejected the credentials even after a fresh login. */
export declare class AuthenticationError extends Error {
    readonly status?: number | undefined;
    name: string;
    constructor(message: string, status?: number | undefined);
}
/** The server does not support the API version this client was generated for. */
export declare class UnsupportedApiVersionError extends Error {
    readonly version: string;
    readonly supportedVersions: readonly string[];
    name: string;
    constructor(version: string, supportedVersions: readonly string[]);
}
/** The request never got an answer: connection refused or reset, DNS failure, TLS failure. */
export declare class ConnectionError extends Error {
    readonly method: string;
    readonly path: string;
    name: string;
    constructor(method: string, path: string, message: string, options?: {
        cause?: unknown;
    });
}
/** What a call to a closed client fails with. */
export declare function clientClosedError(method: string, path: string): ConnectionError;
/** The server's certificate was not trusted, did not match its name, or the TLS handshake failed. */
export declare class TlsError extends ConnectionError {
    readonly code: string;
    name: string;
    constructor(method: string, path: string, code: string, options?: {
        cause?: unknown;
    });
}
/** The call did not finish within `timeoutMs`. */
export declare class TimeoutError extends Error {
    readonly method: string;
    readonly path: string;
    readonly timeoutMs: number;
    name: string;
    constructor(method: string, path: string, timeoutMs: number);
}

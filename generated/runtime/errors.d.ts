/**
 * What every error of the client extends, as openai-node's errors extend `OpenAIError`: one
 * `instanceof` tells the client's failures from the caller's own. Options the client
 * refuses at creation or per call are plain `TypeError`s, as with any JavaScript API.
 */
export declare class PemPmmClientError extends Error {
    name: string;
}
/**
 * The server answered a call with a non-success status. A 401 or 403 that a fresh login could
 * not cure ends in an AuthenticationError instead, which is no ApiError but has the same `status`.
 */
export declare class ApiError<Body = unknown> extends PemPmmClientError {
    name: string;
    readonly status: number;
    readonly method: string;
    /** The path template, such as `/server/{server_id}`. */
    readonly path: string;
    /** The server's request id, when it sent one (`X-Request-Id`). */
    readonly requestId: string | undefined;
    /** The parsed error body; PMM sends `{ code, message, details }`, PEM `{ success, errormsg }`. */
    readonly body: Body;
    /** The server's own explanation, from the body: PMM's `message` or PEM's `errormsg`. */
    readonly serverMessage: string | undefined;
    /** The answer's headers (`Retry-After`, `WWW-Authenticate`, …), with tokens, cookies and the client's secrets redacted. */
    readonly headers: Headers;
    constructor(call: {
        method: string;
        path: string;
        status: number;
        requestId?: string | undefined;
        body: Body;
        headers?: Headers;
    });
}
/**
 * The ApiError for an answer with a failure status: its request id from `X-Request-Id`, and its
 * body and headers without the client's `secrets`, which a server may echo from the request.
 */
export declare function apiErrorFrom(method: string, path: string, response: Response, body: unknown, secrets: readonly string[]): ApiError;
/** Logging in failed, or the server rejected the credentials even after a fresh login. */
export declare class AuthenticationError extends PemPmmClientError {
    /** The status of the HTTP answer that ended in this error, such as 401 or 403 (so `status === 401` works as for an ApiError); undefined when no answer did. */
    readonly status?: number | undefined;
    name: string;
    constructor(message: string, 
    /** The status of the HTTP answer that ended in this error, such as 401 or 403 (so `status === 401` works as for an ApiError); undefined when no answer did. */
    status?: number | undefined);
}
/** The server does not support the API version this client was generated for. */
export declare class UnsupportedApiVersionError extends PemPmmClientError {
    readonly version: string;
    readonly supportedVersions: readonly string[];
    name: string;
    constructor(version: string, supportedVersions: readonly string[]);
}
/** The request never got a complete answer: connection refused or reset (also while the body was read), DNS failure, TLS failure. */
export declare class ConnectionError extends PemPmmClientError {
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
export declare class TimeoutError extends PemPmmClientError {
    readonly method: string;
    readonly path: string;
    readonly timeoutMs: number;
    name: string;
    constructor(method: string, path: string, timeoutMs: number);
}
/** The answer was longer than `maxResponseBytes`: the client stopped reading it and closed the connection. */
export declare class ResponseTooLargeError extends PemPmmClientError {
    readonly method: string;
    readonly path: string;
    readonly maxResponseBytes: number;
    name: string;
    constructor(method: string, path: string, maxResponseBytes: number);
}
/** The server answered, but not in a form the client can read: a success body that is not JSON, a malformed login answer. */
export declare class InvalidResponseError extends PemPmmClientError {
    readonly method: string;
    readonly path: string;
    name: string;
    constructor(method: string, path: string, problem: string);
}
/** One place where a body disagrees with the spec: a JSON pointer into the body, what the spec expects there, and what was there. */
export interface ValidationProblem {
    /** `/nodes/0/node_id`; empty for the body itself. */
    readonly pointer: string;
    /** A JSON type (`string`, `integer or null`), `one of "A", "B"`, `required`, `no such property`, `a body`, or a union's alternatives joined by `or`. */
    readonly expected: string;
    /** A JSON type, the value outside an enum (at most 64 characters), or `nothing` for a missing property or body. */
    readonly received: string;
}
/**
 * Text the server chose (a key, a value outside an enum) as a message prints it: escaped as
 * `\u001b`, and at most `max` characters, so that an answer cannot forge or flood log lines.
 */
export declare function printable(text: string, max?: number): string;
/** A problem's place as a message prints it: each pointer segment printable(). The problem itself keeps the exact pointer. */
export declare function printedPointer(pointer: string): string;
/** With `validate: "strict"`: a success answer was read, but its body disagrees with the spec. */
export declare class ResponseValidationError<Body = unknown> extends PemPmmClientError {
    name: string;
    /** The method's name, such as `nodes.listNodes`. */
    readonly operation: string;
    readonly method: string;
    /** The path template, such as `/server/{server_id}`. */
    readonly path: string;
    readonly status: number;
    /** Every place where the body disagrees with the spec. */
    readonly problems: readonly ValidationProblem[];
    /** The parsed body, as the server sent it. */
    readonly body: Body;
    constructor(call: {
        operation: string;
        method: string;
        path: string;
        status: number;
        problems: readonly ValidationProblem[];
        body: Body;
    });
}
/** With `validateRequests: "strict"`: a request body disagrees with the spec, so it was not sent. The body is not kept (it may hold passwords). */
export declare class RequestValidationError extends PemPmmClientError {
    name: string;
    readonly operation: string;
    readonly method: string;
    readonly path: string;
    readonly problems: readonly ValidationProblem[];
    constructor(call: {
        operation: string;
        method: string;
        path: string;
        problems: readonly ValidationProblem[];
    });
}

/**
 * What every error of the client extends, as openai-node's errors extend `OpenAIError`: one
 * `instanceof` tells the client's failures from the caller's own. Options the client
 * refuses at creation or per call are plain `TypeError`s, as with any JavaScript API.
 */
export declare class PemPmmClientError extends Error {
    name: string;
}
/** What an ApiError is made of: the call, the answer's status, and its body and headers (redacted). */
export interface ApiErrorCall<Body = unknown> {
    method: string;
    /** The path template, such as `/server/{server_id}`. */
    path: string;
    status: number;
    requestId?: string | undefined;
    body: Body;
    headers?: Headers;
}
/**
 * The server answered a call with a non-success status. A 401 or 403 is an AuthenticationError,
 * which is an ApiError too; `isApiError(error, "nodes.getNode")` (exported by each version
 * entry) also types `body` as that method's error body.
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
    /** `message` replaces the usual one (`GET /server/ failed with HTTP 500: …`) where the client knows more. */
    constructor(call: ApiErrorCall<Body>, message?: string);
}
/**
 * The server rejected the credentials (HTTP 401) or what they may do (HTTP 403), on a call or
 * at PEM's login, even after the one fresh login a PEM client tries: an ApiError with that
 * status, the answer's body and headers. `method` and `path` are the request answered so (PEM's
 * `POST /token/` for a rejected login).
 */
export declare class AuthenticationError<Body = unknown> extends ApiError<Body> {
    name: string;
}
/** Where an ApiError comes from: the request, the answer and its parsed body, and the secrets to take out of both. */
export interface ApiAnswer {
    method: string;
    path: string;
    response: Response;
    body: unknown;
    secrets: readonly string[];
}
/**
 * The error for an answer with a failure status (an AuthenticationError for 401 and 403): its
 * request id from `X-Request-Id`, and its body and headers without the client's `secrets`,
 * which a server may echo from the request. `message` as for ApiError.
 */
export declare function apiErrorFrom(answer: ApiAnswer, message?: string): ApiError;
/** The server does not support the API version this client was generated for. */
export declare class UnsupportedApiVersionError extends PemPmmClientError {
    readonly version: string;
    readonly supportedVersions: readonly string[];
    name: string;
    constructor(version: string, supportedVersions: readonly string[]);
}
/** The call a ConnectionError is about, and what the system said of the failure. */
export interface ConnectionFailure {
    method: string;
    path: string;
    /** The URL the call was sent to: its host and port go into the error, nothing else of it. */
    url?: string | undefined;
    /** The system's error code (`ECONNREFUSED`), when there is one. */
    code?: string | undefined;
    /** What failed, in words, when there is no code (a caller's `fetch` may throw anything). */
    reason?: string | undefined;
}
/**
 * The request never got a complete answer: connection refused or reset (also while the body
 * was read), DNS failure, TLS failure, or a client that was closed.
 */
export declare class ConnectionError extends PemPmmClientError {
    name: string;
    readonly method: string;
    readonly path: string;
    /** The host the call went to (`pem.example.com`, `127.0.0.1`); undefined when it was never sent. */
    readonly host: string | undefined;
    /** Its port, the scheme's default (443, 80) when the URL gives none. */
    readonly port: number | undefined;
    /** The system's code: `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, `ETIMEDOUT`, `UND_ERR_SOCKET`, …, or a TLS code. */
    readonly code: string | undefined;
    /**
     * The message is `problem`, then where and the system's code with what it means
     * (`no response (pem.example.com:443, ECONNREFUSED: nothing accepts connections there; …)`),
     * then `advice` if any.
     */
    constructor(failure: ConnectionFailure, problem: string, options?: {
        cause?: unknown;
        advice?: string;
    });
}
/** What a call to a closed client fails with. */
export declare function clientClosedError(method: string, path: string): ConnectionError;
/** The server's certificate was not trusted, did not match its name, or the TLS handshake failed. */
export declare class TlsError extends ConnectionError {
    name: string;
    readonly code: string;
    constructor(failure: ConnectionFailure & {
        code: string;
    }, options?: {
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

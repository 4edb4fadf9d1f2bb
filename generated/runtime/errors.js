import { redactHeaders, redactSecrets } from "./auth/redact.js";
/*
 * Every error this client throws. Messages name the method and path template (ids and
 * secrets stay out); credentials and tokens never appear in a message, a field or a cause.
 */
/**
 * What every error of the client extends, as openai-node's errors extend `OpenAIError`: one
 * `instanceof` tells the client's failures from the caller's own. Options the client
 * refuses at creation or per call are plain `TypeError`s, as with any JavaScript API.
 */
export class PemPmmClientError extends Error {
    name = "PemPmmClientError";
}
/**
 * The server answered a call with a non-success status. A 401 or 403 that a fresh login could
 * not cure ends in an AuthenticationError instead, which is no ApiError but has the same `status`.
 */
export class ApiError extends PemPmmClientError {
    name = "ApiError";
    status;
    method;
    /** The path template, such as `/server/{server_id}`. */
    path;
    /** The server's request id, when it sent one (`X-Request-Id`). */
    requestId;
    /** The parsed error body; PMM sends `{ code, message, details }`, PEM `{ success, errormsg }`. */
    body;
    /** The server's own explanation, from the body: PMM's `message` or PEM's `errormsg`. */
    serverMessage;
    /** The answer's headers (`Retry-After`, `WWW-Authenticate`, …), with tokens, cookies and the client's secrets redacted. */
    headers;
    constructor(call) {
        const serverMessage = serverMessageOf(call.body);
        super(`${call.method} ${call.path} failed with HTTP ${call.status}${serverMessage ? `: ${serverMessage}` : ""}${call.requestId ? ` (request id ${call.requestId})` : ""}`);
        this.status = call.status;
        this.method = call.method;
        this.path = call.path;
        this.requestId = call.requestId;
        this.body = call.body;
        this.serverMessage = serverMessage;
        this.headers = call.headers ?? new Headers();
    }
}
/**
 * The ApiError for an answer with a failure status: its request id from `X-Request-Id`, and its
 * body and headers without the client's `secrets`, which a server may echo from the request.
 */
export function apiErrorFrom(method, path, response, body, secrets) {
    const headers = redactHeaders(response.headers, secrets);
    return new ApiError({
        method,
        path,
        status: response.status,
        requestId: requestIdOf(headers),
        body: redactSecrets(body, secrets),
        headers,
    });
}
/** The most of an `X-Request-Id` an error keeps: real ids (UUIDs, trace ids) are far shorter. */
const MAX_REQUEST_ID = 128;
/** The answer's `X-Request-Id` as other server text is shown: control characters escaped, and bounded (`headers` keeps it whole). */
function requestIdOf(headers) {
    const id = headers.get("x-request-id");
    return id ? printable(id, MAX_REQUEST_ID) : undefined;
}
/** Logging in failed, or the server rejected the credentials even after a fresh login. */
export class AuthenticationError extends PemPmmClientError {
    status;
    name = "AuthenticationError";
    constructor(message, 
    /** The status of the HTTP answer that ended in this error, such as 401 or 403 (so `status === 401` works as for an ApiError); undefined when no answer did. */
    status) {
        super(message);
        this.status = status;
    }
}
/** The server does not support the API version this client was generated for. */
export class UnsupportedApiVersionError extends PemPmmClientError {
    version;
    supportedVersions;
    name = "UnsupportedApiVersionError";
    constructor(version, supportedVersions) {
        super(`The server does not support API ${version}; it supports ${listed(supportedVersions) || "no versions it named"}. Use the client for one of those versions.`);
        this.version = version;
        this.supportedVersions = supportedVersions;
    }
}
/** At most this many versions are named in a message; a server may list any number. */
const LISTED_VERSIONS = 10;
function listed(versions) {
    const named = versions.slice(0, LISTED_VERSIONS).join(", ");
    return versions.length > LISTED_VERSIONS ? `${named} and ${versions.length - LISTED_VERSIONS} more` : named;
}
/** The request never got a complete answer: connection refused or reset (also while the body was read), DNS failure, TLS failure. */
export class ConnectionError extends PemPmmClientError {
    method;
    path;
    name = "ConnectionError";
    constructor(method, path, message, options) {
        super(`${method} ${path}: ${message}`, options);
        this.method = method;
        this.path = path;
    }
}
/** What a call to a closed client fails with. */
export function clientClosedError(method, path) {
    return new ConnectionError(method, path, "the client was closed; create a new client for more calls");
}
/** The server's certificate was not trusted, did not match its name, or the TLS handshake failed. */
export class TlsError extends ConnectionError {
    code;
    name = "TlsError";
    constructor(method, path, code, options) {
        super(method, path, `TLS failed (${code}): ${tlsAdvice(code)}`, options);
        this.code = code;
    }
}
const HOSTNAME_CODES = new Set(["ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH"]);
const CERTIFICATE_CODES = /CERT|SIGNATURE|ISSUER/;
function tlsAdvice(code) {
    if (HOSTNAME_CODES.has(code)) {
        return "the server's certificate does not name the host in baseUrl. Use a host name the certificate lists, or set `tls.servername` to one.";
    }
    if (CERTIFICATE_CODES.test(code)) {
        return "the server's certificate is not trusted. Pass its CA as `tls.ca`; `tls.insecure: true` skips verification but exposes credentials to anyone on the network path.";
    }
    return "the handshake did not complete. Check the server's TLS settings and, if it requires a client certificate, `tls.cert` and `tls.key`.";
}
/** The call did not finish within `timeoutMs`. */
export class TimeoutError extends PemPmmClientError {
    method;
    path;
    timeoutMs;
    name = "TimeoutError";
    constructor(method, path, timeoutMs) {
        super(`${method} ${path} did not finish within ${timeoutMs} ms (the client's timeoutMs).`);
        this.method = method;
        this.path = path;
        this.timeoutMs = timeoutMs;
    }
}
/** The answer was longer than `maxResponseBytes`: the client stopped reading it and closed the connection. */
export class ResponseTooLargeError extends PemPmmClientError {
    method;
    path;
    maxResponseBytes;
    name = "ResponseTooLargeError";
    constructor(method, path, maxResponseBytes) {
        super(`${method} ${path}: the answer is longer than ${maxResponseBytes} bytes (the client's maxResponseBytes), so the client stopped reading it. Raise maxResponseBytes if answers this long are expected.`);
        this.method = method;
        this.path = path;
        this.maxResponseBytes = maxResponseBytes;
    }
}
/** The server answered, but not in a form the client can read: a success body that is not JSON, a malformed login answer. */
export class InvalidResponseError extends PemPmmClientError {
    method;
    path;
    name = "InvalidResponseError";
    constructor(method, path, problem) {
        super(`${method} ${path}: ${problem}.`);
        this.method = method;
        this.path = path;
    }
}
/** Characters that would break a log line or hide text: controls, line and paragraph separators, bidi overrides. */
const UNPRINTABLE = /[\p{Cc}\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const UNPRINTABLE_RUN = new RegExp(`${UNPRINTABLE.source}+`, "gu");
const MAX_PRINTED = 64;
/**
 * Text the server chose (a key, a value outside an enum) as a message prints it: escaped as
 * `\u001b`, and at most `max` characters, so that an answer cannot forge or flood log lines.
 */
export function printable(text, max = MAX_PRINTED) {
    const escaped = text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    return escaped.length > max ? `${escaped.slice(0, max - 3)}...` : escaped;
}
/** A problem's place as a message prints it: each pointer segment printable(). The problem itself keeps the exact pointer. */
export function printedPointer(pointer) {
    return pointer
        ? pointer
            .split("/")
            .map((segment) => printable(segment))
            .join("/")
        : "the top";
}
/** Names the first problem and how many more there are. */
function problemSummary(problems) {
    const [first] = problems;
    if (!first)
        return "no problem";
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    return `at ${printedPointer(first.pointer)}: expected ${first.expected}, received ${printable(first.received)}${more}`;
}
/** With `validate: "strict"`: a success answer was read, but its body disagrees with the spec. */
export class ResponseValidationError extends PemPmmClientError {
    name = "ResponseValidationError";
    /** The method's name, such as `nodes.listNodes`. */
    operation;
    method;
    /** The path template, such as `/server/{server_id}`. */
    path;
    status;
    /** Every place where the body disagrees with the spec. */
    problems;
    /** The parsed body, as the server sent it. */
    body;
    constructor(call) {
        super(`${call.method} ${call.path} (${call.operation}): the ${call.status} answer disagrees with the spec ${problemSummary(call.problems)}.`);
        this.operation = call.operation;
        this.method = call.method;
        this.path = call.path;
        this.status = call.status;
        this.problems = call.problems;
        this.body = call.body;
    }
}
/** With `validateRequests: "strict"`: a request body disagrees with the spec, so it was not sent. The body is not kept (it may hold passwords). */
export class RequestValidationError extends PemPmmClientError {
    name = "RequestValidationError";
    operation;
    method;
    path;
    problems;
    constructor(call) {
        super(`${call.method} ${call.path} (${call.operation}): the request body disagrees with the spec ${problemSummary(call.problems)}; it was not sent.`);
        this.operation = call.operation;
        this.method = call.method;
        this.path = call.path;
        this.problems = call.problems;
    }
}
/** PMM's gateway says why in `message`, PEM in `errormsg`; a short plain-text body says it as a whole. */
function serverMessageOf(body) {
    if (body && typeof body === "object") {
        const { message, errormsg } = body;
        const text = typeof message === "string" && message ? message : typeof errormsg === "string" ? errormsg : undefined;
        return text === undefined ? undefined : shownText(text);
    }
    if (typeof body === "string" && body.length <= MAX_SERVER_MESSAGE)
        return shownText(body);
    return undefined;
}
/** The most of a server's message that goes into an error's message; the body keeps all of it. */
const MAX_SERVER_MESSAGE = 200;
/** A server's text as one line a terminal shows as it is: no control characters (escape sequences, line breaks), and not too long. */
function shownText(text) {
    const line = text.replace(UNPRINTABLE_RUN, " ").trim();
    return line.length > MAX_SERVER_MESSAGE ? `${line.slice(0, MAX_SERVER_MESSAGE - 1)}…` : line || undefined;
}

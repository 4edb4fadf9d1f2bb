/**
 * Every error this client throws. Messages name the method and path template (ids and
 * secrets stay out); credentials and tokens never appear in a message, a field or a cause.
 */
/** The server answered a call with a non-success status. */
export class ApiError extends Error {
    name = "ApiError";
    status;
    method;
    /** The path template, such as `/server/{server_id}`. */
    path;
    /** The server's request id, when it sent one (`X-Request-Id`). */
    requestId;
    /** The parsed error body; PMM sends `{ code, message, details }`. */
    body;
    constructor(call) {
        super(`${call.method} ${call.path} failed with HTTP ${call.status}${describeBody(call.body)}${call.requestId ? ` (request id ${call.requestId})` : ""}`);
        this.status = call.status;
        this.method = call.method;
        this.path = call.path;
        this.requestId = call.requestId;
        this.body = call.body;
    }
}
/** Logging in failed, or the server rejected the credentials even after a fresh login. */
export class AuthenticationError extends Error {
    status;
    name = "AuthenticationError";
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** The server does not support the API version this client was generated for. */
export class UnsupportedApiVersionError extends Error {
    version;
    supportedVersions;
    name = "UnsupportedApiVersionError";
    constructor(version, supportedVersions) {
        super(`The server does not support API ${version}; it supports ${supportedVersions.join(", ") || "no versions it named"}. Use the client for one of those versions.`);
        this.version = version;
        this.supportedVersions = supportedVersions;
    }
}
/** The request never got an answer: connection refused or reset, DNS failure, TLS failure. */
export class ConnectionError extends Error {
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
export class TimeoutError extends Error {
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
function describeBody(body) {
    if (body && typeof body === "object" && typeof body.message === "string") {
        return `: ${body.message}`;
    }
    if (typeof body === "string" && body.trim() && body.length <= 200)
        return `: ${body.trim()}`;
    return "";
}

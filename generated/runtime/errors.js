/** The server answered a call with a non-success status. */
export class ApiError extends Error {
    name = "ApiError";
    status;
    method;
    path;
    /** The server's request id, when it sent one (`X-Request-Id`). */
    requestId;
    /** The parsed error body; PMM sends `{ code, message, details }`. */
    body;
    constructor(call) {
        super(`${call.method} ${call.path} failed with HTTP ${call.status}${describeBody(call.body)}`);
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
function describeBody(body) {
    if (body && typeof body === "object" && typeof body.message === "string") {
        return `: ${body.message}`;
    }
    if (typeof body === "string" && body.trim() && body.length <= 200)
        return `: ${body.trim()}`;
    return "";
}

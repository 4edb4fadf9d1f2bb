/** What every error of this client carries about the failed call. */
export interface CallInfo {
    method: string;
    /** The path template, such as `/server/{server_id}`: ids and secrets stay out of messages. */
    path: string;
}
/** The server answered a call with a non-success status. */
export declare class ApiError<Body = unknown> extends Error {
    name: string;
    readonly status: number;
    readonly method: string;
    readonly path: string;
    /** The server's request id, when it sent one (`X-Request-Id`). */
    readonly requestId: string | undefined;
    /** The parsed error body; PMM sends `{ code, message, details }`. */
    readonly body: Body;
    constructor(call: CallInfo & {
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

import { InvalidResponseError } from "../errors.js";
/** 64 MiB: PMM's `logs.zip`, the longest answer of either API, and any JSON list fit with room to spare. */
export declare const DEFAULT_MAX_RESPONSE_BYTES: number;
export declare function resolveMaxResponseBytes(value: number | undefined): number;
/** What watching one call's answer needs. */
export interface BodyWatch {
    method: string;
    path: string;
    maxBytes: number;
    /** The call is over (body read, failed or cancelled): release its deadline timer. Called once or more. */
    settle(): void;
    /** The typed error for a body whose reading failed: the deadline, the caller's abort, or a cut connection. */
    readFailure(error: unknown, bytesRead: number): unknown;
}
/**
 * The answer, once its status and declared length pass: a status outside what HTTP defines,
 * or a `Content-Length` past `maxBytes`, fails the call at once and drops the connection.
 */
export declare function checkAnswer(response: Response, watch: BodyWatch): Response;
/**
 * The answer with a body that is counted while it is read (JSON, text, blobs and error
 * bodies alike): past `maxBytes` the read fails with ResponseTooLargeError at once and the
 * connection is dropped, and a read that fails for another reason fails with a typed error.
 * The end of the body, however it ends, settles the call.
 */
export declare function watchBody(response: Response, watch: BodyWatch): Response;
/**
 * The answer's body as text, counted as watchBody counts it, without a second stream: what
 * the client's methods read. The end of the body, however it ends, settles the call.
 */
export declare function readText(response: Response, watch: BodyWatch): Promise<string>;
/** The error for an answer whose status is outside what HTTP defines (`HTTP/1.1 999`). */
export declare function notAnHttpStatus(call: {
    method: string;
    path: string;
}, status: number): InvalidResponseError;

import { InvalidResponseError, ResponseTooLargeError } from "../errors.js";
/** 64 MiB: PMM's `logs.zip`, the longest answer of either API, and any JSON list fit with room to spare. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
export function resolveMaxResponseBytes(value) {
    if (value === undefined)
        return DEFAULT_MAX_RESPONSE_BYTES;
    if (typeof value !== "number" || !(value >= 1)) {
        throw new TypeError(`maxResponseBytes must be a number of bytes ≥ 1 (Infinity for no limit); got ${String(value)}.`);
    }
    return value;
}
/**
 * The answer with a body that is counted while it is read (JSON, text, blobs and error
 * bodies alike): past `maxBytes` the read fails with ResponseTooLargeError at once and the
 * connection is dropped, and a read that fails for another reason fails with a typed error.
 * The end of the body, however it ends, settles the call.
 */
export function watchBody(response, watch) {
    // A status outside what HTTP defines (`HTTP/1.1 999`) cannot be passed on: a Response refuses it.
    if (response.status < 200 || response.status > 599) {
        watch.settle();
        void response.body?.cancel().catch(() => undefined);
        throw new InvalidResponseError(watch.method, watch.path, `the server answered with HTTP ${response.status}, which is not an HTTP status`);
    }
    const declared = Number(response.headers.get("Content-Length") ?? NaN);
    if (declared > watch.maxBytes) {
        watch.settle();
        void response.body?.cancel().catch(() => undefined);
        throw new ResponseTooLargeError(watch.method, watch.path, watch.maxBytes);
    }
    // No body to read, or one that openapi-fetch will not read: the call is over now.
    if (!response.body || declared === 0) {
        watch.settle();
        return response;
    }
    const reader = response.body.getReader();
    let bytesRead = 0;
    const body = new ReadableStream({
        async pull(controller) {
            let chunk;
            try {
                chunk = await reader.read();
            }
            catch (error) {
                watch.settle();
                return controller.error(watch.readFailure(error, bytesRead));
            }
            if (chunk.done) {
                watch.settle();
                return controller.close();
            }
            bytesRead += chunk.value.byteLength;
            if (bytesRead > watch.maxBytes) {
                watch.settle();
                void reader.cancel().catch(() => undefined);
                return controller.error(new ResponseTooLargeError(watch.method, watch.path, watch.maxBytes));
            }
            controller.enqueue(chunk.value);
        },
        cancel(reason) {
            watch.settle();
            return reader.cancel(reason);
        },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

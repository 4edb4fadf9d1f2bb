import { InvalidResponseError, ResponseTooLargeError } from "../errors.js";

/** 64 MiB: PMM's `logs.zip`, the longest answer of either API, and any JSON list fit with room to spare. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 64 * 1024 * 1024;

export function resolveMaxResponseBytes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_RESPONSE_BYTES;
  if (typeof value !== "number" || !(value >= 1)) {
    throw new TypeError(`maxResponseBytes must be a number of bytes ≥ 1 (Infinity for no limit); got ${String(value)}.`);
  }
  return value;
}

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
export function checkAnswer(response: Response, watch: BodyWatch): Response {
  // A status outside what HTTP defines (`HTTP/1.1 999`) cannot be passed on: a Response refuses it.
  if (response.status < 200 || response.status > 599) throw dropped(response, watch, notAnHttpStatus(watch, response.status));
  if (declaredLength(response) > watch.maxBytes) throw dropped(response, watch, new ResponseTooLargeError(watch.method, watch.path, watch.maxBytes));
  return response;
}

/**
 * The answer with a body that is counted while it is read (JSON, text, blobs and error
 * bodies alike): past `maxBytes` the read fails with ResponseTooLargeError at once and the
 * connection is dropped, and a read that fails for another reason fails with a typed error.
 * The end of the body, however it ends, settles the call.
 */
export function watchBody(response: Response, watch: BodyWatch): Response {
  // No body to read, or one that openapi-fetch will not read: the call is over now.
  if (!response.body || declaredLength(response) === 0) {
    watch.settle();
    // undici's Response is not the global class, which callers may test with instanceof.
    if (response instanceof Response) return response;
    const { status, statusText, headers } = response as Response;
    return new Response(null, { status, statusText, headers });
  }
  const read = countedReader(response.body, watch);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: Uint8Array | undefined;
      try {
        chunk = await read.next();
      } catch (error) {
        watch.settle();
        return controller.error(error);
      }
      if (chunk === undefined) {
        watch.settle();
        return controller.close();
      }
      controller.enqueue(chunk);
    },
    cancel(reason) {
      watch.settle();
      return read.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The answer's body as text, counted as watchBody counts it, without a second stream: what
 * the client's methods read. The end of the body, however it ends, settles the call.
 */
export async function readText(response: Response, watch: BodyWatch): Promise<string> {
  if (!response.body) {
    watch.settle();
    return "";
  }
  const read = countedReader(response.body, watch);
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (let chunk = await read.next(); chunk !== undefined; chunk = await read.next()) text += decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  } finally {
    watch.settle();
  }
}

/**
 * A body's chunks, counted as they are read: `next` gives undefined at the end, and rejects
 * with the typed error for a read that failed (BodyWatch.readFailure) or one past `maxBytes`
 * (ResponseTooLargeError, the connection dropped at once).
 */
function countedReader(body: ReadableStream<Uint8Array>, watch: BodyWatch) {
  const reader = body.getReader();
  let bytesRead = 0;
  return {
    async next(): Promise<Uint8Array | undefined> {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw watch.readFailure(error, bytesRead);
      }
      if (chunk.done) return undefined;
      bytesRead += chunk.value.byteLength;
      if (bytesRead > watch.maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw new ResponseTooLargeError(watch.method, watch.path, watch.maxBytes);
      }
      return chunk.value;
    },
    cancel: (reason: unknown) => reader.cancel(reason),
  };
}

/** The error for an answer whose status is outside what HTTP defines (`HTTP/1.1 999`). */
export function notAnHttpStatus(call: { method: string; path: string }, status: number): InvalidResponseError {
  return new InvalidResponseError(call.method, call.path, `the server answered with HTTP ${status}, which is not an HTTP status`);
}

/** The answer's declared body length; NaN when it declares none. */
function declaredLength(response: Response): number {
  return Number(response.headers.get("Content-Length") ?? NaN);
}

/** `error`, once the call is settled and the answer's body dropped. */
function dropped(response: Response, watch: BodyWatch, error: Error): Error {
  watch.settle();
  void response.body?.cancel().catch(() => undefined);
  return error;
}

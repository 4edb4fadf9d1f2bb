import { pipeline, type Readable, type Transform } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Outgoing, SendAttempt } from "./transport.js";

type Undici = typeof import("undici");
type Dispatcher = InstanceType<Undici["Dispatcher"]>;
/** undici's request API, once its module has loaded. */
let undici: Undici | undefined;

/** A status outside 200–599, which a Response cannot hold (its constructor refuses it); transport.ts types it. */
export class NotAnHttpStatus extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status} is not an HTTP status`);
  }
}

/** Statuses whose answer has no body, which a Response must be given as null (1xx never reaches it). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Sends an attempt through undici's request API (the undici package the client depends on),
 * with the headers fetch would add and the body decoded as fetch decodes it, and hands back a
 * global Response. Without `dispatcher` it uses undici's global one, as Node's fetch does, so
 * that `setGlobalDispatcher` (a proxy agent) applies. fetch itself, undici's or Node's, was most
 * of a call's cost (bench/PROFILE.md). Redirects are not followed: see redirects.ts.
 */
export async function sendThroughUndici(outgoing: Outgoing, signal: AbortSignal, dispatcher?: Dispatcher): Promise<Response> {
  undici ??= await import("undici");
  const { method, url, body } = outgoing;
  const answer = await undici.request(url, {
    method: method as import("undici").Dispatcher.HttpMethod,
    headers: headersToSend(outgoing),
    body: typeof body === "string" || body === undefined ? body : new Uint8Array(body),
    signal,
    ...(dispatcher ? { dispatcher } : {}),
  });
  const { statusCode: status, statusText, headers, body: received } = answer;
  // Destroying a body that was not read through makes undici report an abort nobody listens for.
  received.on("error", () => undefined);
  if (status < 200 || status > 599) {
    received.destroy();
    throw new NotAnHttpStatus(status);
  }
  const init = { status, statusText, headers: headerPairs(headers) };
  if (NULL_BODY_STATUSES.has(status)) {
    received.destroy();
    return new Response(null, init);
  }
  const decoded = method === "HEAD" ? received : decodedBody(received, headers["content-encoding"]);
  return new Response(webStream(decoded), init);
}

/**
 * A Node stream as a web stream that reads it on demand. Node 20's `Readable.toWeb` can
 * enqueue into a stream already cancelled, which throws where nothing catches it.
 */
function webStream(body: Readable): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await chunks.next();
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      // Not chunks.return(): an iterator that has not started would leave the connection open.
      cancel() {
        body.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Sends attempts through undici and its global dispatcher; the `fetch` option replaces it. */
export const sendWithUndici: SendAttempt = (outgoing, signal) => sendThroughUndici(outgoing, signal);

/** The request's headers, with those fetch adds where the request has none of its own. */
function headersToSend({ url, headers, body }: Outgoing): Record<string, string> {
  const sent: Record<string, string> = {
    accept: "*/*",
    "accept-language": "*",
    "sec-fetch-mode": "cors",
    "user-agent": "undici",
    "accept-encoding": url.startsWith("https:") ? "br, gzip, deflate" : "gzip, deflate",
  };
  if (typeof body === "string") sent["content-type"] = "text/plain;charset=UTF-8";
  // A Headers object's names are lower case, like the defaults above, which they replace.
  for (const [name, value] of headers) sent[name] = value;
  return sent;
}

/** undici's header record as the pairs a Headers takes, a repeated header (Set-Cookie) once per value. */
function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const one of value) pairs.push([name, one]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

/** fetch's own limit on stacked codings, against a server that stacks them to exhaust the client. */
const MAX_CODINGS = 5;
const gunzip = () => createGunzip({ flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH });
const DECODERS: Record<string, () => Transform> = {
  gzip: gunzip,
  "x-gzip": gunzip,
  deflate: () => createInflate({ flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH }),
  br: () => createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH }),
};

/**
 * The body as fetch hands it on: its codings (`Content-Encoding: gzip`) undone, last first,
 * leniently about a truncated end as fetch is. A coding it does not know leaves the body as
 * sent. The decoded bytes are what the transport counts against `maxResponseBytes`.
 */
function decodedBody(body: Readable, contentEncoding: string | string[] | undefined): Readable {
  const codings = [contentEncoding ?? ""]
    .flat()
    .join(",")
    .toLowerCase()
    .split(",")
    .map((coding) => coding.trim())
    .filter(Boolean);
  if (codings.length === 0) return body;
  if (codings.length > MAX_CODINGS) {
    body.destroy();
    throw new Error(`the answer names ${codings.length} content codings; at most ${MAX_CODINGS} are decoded`);
  }
  const decoders = codings.reverse().map((coding) => DECODERS[coding]);
  if (decoders.some((decoder) => decoder === undefined)) return body;
  const streams = [body, ...decoders.map((decoder) => decoder!())];
  // The last stream carries any failure of the others, which ends the read as a cut-off body.
  pipeline(streams, () => undefined);
  return streams.at(-1)!;
}

import { ConnectionError, type ConnectionFailure, clientClosedError, TimeoutError, TlsError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { FetchFunction } from "../options.js";
import { assertSafeRequest } from "../security.js";
import { followSameOriginRedirects } from "./redirects.js";
import { type RequestContext, requestContext } from "./request-context.js";
import { type BodyWatch, checkAnswer, notAnHttpStatus, watchBody } from "./response-body.js";
import { backoffDelay, isRetryStatus, mayRetry, type RetryPolicy, retryAfterDelay } from "./retry-policy.js";
import { NotAnHttpStatus } from "./undici-send.js";
import { type Stop, waitFor } from "./wait.js";

/**
 * One request as the transport sends it: what a `Request` holds, without building one. The
 * body is read whole beforehand, so that every attempt can send it again.
 */
export interface Outgoing {
  method: string;
  url: string;
  headers: Headers;
  body: ArrayBuffer | string | undefined;
}

/**
 * Sends one attempt; `signal` carries the call's deadline and the caller's abort. Redirects
 * are not followed here (`redirect: "manual"`): see redirects.ts.
 */
export type SendAttempt = (outgoing: Outgoing, signal: AbortSignal) => Promise<Response>;

/** Sends attempts through a caller's fetch, which takes a single Request. */
export function sendWith(fetch: FetchFunction): SendAttempt {
  return ({ method, url, headers, body }, signal) => fetch(new Request(url, { method, headers, body: body ?? null, signal, redirect: "manual" }));
}

/** An answer whose status and declared length were checked, and what reading its body needs (response-body.ts). */
export interface Exchange {
  response: Response;
  watch: BodyWatch;
}

/** A client's transport: its own calls, and the `fetch` openapi-fetch and the logins send Requests through. */
export interface Transport {
  /**
   * Sends one call: the attempts, the deadline and the typed errors. The call is over, and its
   * deadline timer released, when the answer's body has been read through `watch` or the call failed.
   */
  exchange(outgoing: Outgoing, context: RequestContext, callerSignal: AbortSignal | undefined): Promise<Exchange>;
  /** The same for a Request, whose answer's body is counted as it is read (watchBody). */
  fetch: FetchFunction;
}

export interface TransportSettings {
  send: SendAttempt;
  timeoutMs: number;
  /** The longest answer body read, in bytes. */
  maxResponseBytes: number;
  retry: RetryPolicy;
  /** Send credential headers over plain http:// to hosts other than loopback too. */
  allowInsecureHttp: boolean;
  logger: Required<Logger>;
  /** Aborted when the client is closed: nothing is sent after that, and waits for a retry end. */
  closed: AbortSignal;
}

/**
 * The client's transport: a deadline per call (retries included, combined with the caller's
 * signal), retries with backoff for network errors and 429/502/503/504, and typed errors.
 */
export function createTransport(settings: TransportSettings): Transport {
  const { timeoutMs, maxResponseBytes, retry, logger, closed, allowInsecureHttp } = settings;
  const send = followSameOriginRedirects(settings.send, logger);
  const exchange: Transport["exchange"] = async (outgoing, context, callerSignal) => {
    const { path, retrySafe, startedAt, evenIfClosed } = context;
    const { method } = outgoing;
    assertSafeRequest(outgoing, allowInsecureHttp);
    const stopsOnClose = !evenIfClosed;
    if (stopsOnClose && closed.aborted) throw clientClosedError(method, path);
    const timedOut = () => new TimeoutError(method, path, timeoutMs);
    const endsAt = (startedAt ?? performance.now()) + timeoutMs;
    const timeLeft = () => endsAt - performance.now();
    if (timeLeft() <= 0) throw timedOut();
    const { signal, deadline, settle } = callSignal(callerSignal, timeLeft());
    const retryable = mayRetry(method, retry, retrySafe);
    /** A failure of this call, as the system reported it. */
    const failureOf = (error: unknown): ConnectionFailure => ({ method, path, url: outgoing.url, ...systemReason(error) });
    const watch: BodyWatch = {
      method,
      path,
      maxBytes: maxResponseBytes,
      settle,
      readFailure: (error, bytesRead) => {
        if (deadline.aborted) return timedOut();
        if (callerSignal?.aborted) return callerSignal.reason;
        return new ConnectionError(failureOf(error), `the answer was cut off after ${bytesRead} bytes of its body`, { cause: error });
      },
    };
    const answer = (response: Response): Exchange => ({ response: checkAnswer(response, watch), watch });
    // The pause between attempts ends early at the call's deadline or abort, and when the client closes.
    const pauseStops: Stop[] = [{ signal, reason: () => (deadline.aborted ? timedOut() : signal.reason) }];
    if (stopsOnClose) pauseStops.push({ signal: closed, reason: () => clientClosedError(method, path) });
    const pause = (ms: number) => waitFor(undefined, ms, () => undefined, pauseStops);

    try {
      for (let attempt = 0; ; attempt++) {
        const canRetry = retryable && attempt < retry.retries;
        let response: Response;
        try {
          response = await send(outgoing, signal);
        } catch (error) {
          if (deadline.aborted) throw timedOut();
          if (callerSignal?.aborted) throw callerSignal.reason;
          if (error instanceof NotAnHttpStatus) throw notAnHttpStatus(watch, error.status);
          const said = failureOf(error);
          if (said.code && isTlsCode(said.code)) throw new TlsError({ ...said, code: said.code }, { cause: error });
          const failure = new ConnectionError(said, "no response", { cause: error });
          if (!canRetry) throw failure;
          const delay = backoffDelay(attempt, retry);
          logger.info(`${failure.message}; retry ${attempt + 1} of ${retry.retries} in ${delay} ms`);
          await pause(delay);
          continue;
        }
        if (!canRetry || !isRetryStatus(response.status)) return answer(response);
        const retryAfter = retryAfterDelay(response.headers.get("Retry-After"));
        // A server that asks for a longer wait than the policy or the deadline allows gets its answer passed on.
        if (retryAfter !== undefined && (retryAfter > retry.maxRetryAfterMs || retryAfter >= timeLeft())) return answer(response);
        const delay = retryAfter ?? backoffDelay(attempt, retry);
        await response.body?.cancel();
        logger.info(`${method} ${path}: HTTP ${response.status}; retry ${attempt + 1} of ${retry.retries} in ${delay} ms`);
        await pause(delay);
      }
    } catch (error) {
      settle();
      throw error;
    }
  };
  return {
    exchange,
    fetch: async (request) => {
      const body = request.body ? await request.arrayBuffer() : undefined;
      const outgoing = { method: request.method, url: request.url, headers: request.headers, body };
      const { response, watch } = await exchange(outgoing, requestContext(request), request.signal);
      return watchBody(response, watch);
    },
  };
}

/**
 * One signal for the whole call: aborted by the caller's signal or when `timeoutMs` runs out
 * (including while the body is read). Cheaper than AbortSignal.any + AbortSignal.timeout.
 * `settle` ends the call: its timer and its listener on the caller's signal (which may
 * outlive many calls) are released then, not at the deadline.
 */
function callSignal(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): { signal: AbortSignal; deadline: { readonly aborted: boolean }; settle(): void } {
  const controller = new AbortController();
  const deadline = { aborted: false };
  const timer = setTimeout(() => {
    deadline.aborted = true;
    controller.abort(new DOMException("The call timed out.", "TimeoutError"));
  }, timeoutMs);
  // Like AbortSignal.timeout: the timer never keeps the process alive.
  timer.unref?.();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const settle = () => {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  };
  return { signal: controller.signal, deadline, settle };
}

const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "HOSTNAME_MISMATCH",
]);

/** Whether a system code is a TLS failure's. */
function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_");
}

/**
 * The system's code for a network failure, from the error or its causes (undici's
 * `fetch failed` carries it in `cause`): a TLS code if any, else the outermost; or else the
 * error's message.
 */
function systemReason(error: unknown): { code: string } | { reason: string } {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") codes.push(code);
  }
  // A TLS failure's code wins wherever it is: a wrapper above it may carry a socket code of its own.
  const code = codes.find(isTlsCode) ?? codes[0];
  return code ? { code } : { reason: error instanceof Error ? error.message : String(error) };
}

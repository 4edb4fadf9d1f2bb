import { ConnectionError, type ConnectionFailure, clientClosedError, TimeoutError, TlsError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { FetchFunction } from "../options.js";
import { assertSafeRequest } from "../security.js";
import { followSameOriginRedirects } from "./redirects.js";
import { requestContext } from "./request-context.js";
import { watchBody } from "./response-body.js";
import { backoffDelay, isRetryStatus, mayRetry, type RetryPolicy, retryAfterDelay } from "./retry-policy.js";
import { type Stop, waitFor } from "./wait.js";

/**
 * Sends one attempt. The request's body, if any, was read once into `body` so that every
 * attempt can send it again; `signal` carries the call's deadline and the caller's abort.
 * Redirects are not followed here (`redirect: "manual"`): see redirects.ts.
 */
export type SendAttempt = (request: Request, signal: AbortSignal, body: ArrayBuffer | undefined) => Promise<Response>;

/** Sends attempts through the global fetch; passing the signal as init costs no extra Request. */
export const sendWithGlobalFetch: SendAttempt = (request, signal, body) => globalThis.fetch(request, { signal, body: body ?? null, redirect: "manual" });

/** Sends attempts through a caller's fetch, which takes a single Request. */
export function sendWith(fetch: FetchFunction): SendAttempt {
  return (request, signal, body) => fetch(new Request(request, { signal, body: body ?? null, redirect: "manual" }));
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
 * The `fetch` under openapi-fetch: a deadline per call (retries included, combined with the
 * caller's signal), retries with backoff for network errors and 429/502/503/504, and typed
 * errors. The body is buffered once so that every attempt can send it again. The call is
 * over, and its deadline timer released, when the answer's body has been read (see
 * response-body.ts) or the call failed.
 */
export function createTransport(settings: TransportSettings): FetchFunction {
  const { timeoutMs, maxResponseBytes, retry, logger, closed, allowInsecureHttp } = settings;
  const send = followSameOriginRedirects(settings.send, logger);
  return async (request) => {
    const { path, retrySafe, startedAt, evenIfClosed } = requestContext(request);
    const method = request.method;
    assertSafeRequest(request, allowInsecureHttp);
    const stopsOnClose = !evenIfClosed;
    if (stopsOnClose && closed.aborted) throw clientClosedError(method, path);
    const timedOut = () => new TimeoutError(method, path, timeoutMs);
    const endsAt = (startedAt ?? performance.now()) + timeoutMs;
    const timeLeft = () => endsAt - performance.now();
    if (timeLeft() <= 0) throw timedOut();
    const body = request.body ? await request.arrayBuffer() : undefined;
    const { signal, deadline, settle } = callSignal(request.signal, timeLeft());
    const retryable = mayRetry(method, retry, retrySafe);
    /** A failure of this call, as the system reported it. */
    const failureOf = (error: unknown): ConnectionFailure => ({ method, path, url: request.url, ...systemReason(error) });
    const answer = (response: Response) =>
      watchBody(response, {
        method,
        path,
        maxBytes: maxResponseBytes,
        settle,
        readFailure: (error, bytesRead) => {
          if (deadline.aborted) return timedOut();
          if (request.signal.aborted) return request.signal.reason;
          return new ConnectionError(failureOf(error), `the answer was cut off after ${bytesRead} bytes of its body`, { cause: error });
        },
      });
    // The pause between attempts ends early at the call's deadline or abort, and when the client closes.
    const pauseStops: Stop[] = [{ signal, reason: () => (deadline.aborted ? timedOut() : signal.reason) }];
    if (stopsOnClose) pauseStops.push({ signal: closed, reason: () => clientClosedError(method, path) });
    const pause = (ms: number) => waitFor(undefined, ms, () => undefined, pauseStops);

    try {
      for (let attempt = 0; ; attempt++) {
        const canRetry = retryable && attempt < retry.retries;
        let response: Response;
        try {
          response = await send(request, signal, body);
        } catch (error) {
          if (deadline.aborted) throw timedOut();
          if (request.signal.aborted) throw request.signal.reason;
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
}

/**
 * One signal for the whole call: aborted by the caller's signal or when `timeoutMs` runs out
 * (including while the body is read). Cheaper than AbortSignal.any + AbortSignal.timeout.
 * `settle` ends the call: its timer and its listener on the caller's signal (which may
 * outlive many calls) are released then, not at the deadline.
 */
function callSignal(callerSignal: AbortSignal, timeoutMs: number): { signal: AbortSignal; deadline: { readonly aborted: boolean }; settle(): void } {
  const controller = new AbortController();
  const deadline = { aborted: false };
  const timer = setTimeout(() => {
    deadline.aborted = true;
    controller.abort(new DOMException("The call timed out.", "TimeoutError"));
  }, timeoutMs);
  // Like AbortSignal.timeout: the timer never keeps the process alive.
  timer.unref?.();
  const onCallerAbort = () => controller.abort(callerSignal.reason);
  if (callerSignal.aborted) controller.abort(callerSignal.reason);
  else callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  const settle = () => {
    clearTimeout(timer);
    callerSignal.removeEventListener("abort", onCallerAbort);
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

import { clientClosedError, ConnectionError, TimeoutError, TlsError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { FetchFunction } from "../options.js";
import { followSameOriginRedirects } from "./redirects.js";
import { requestContext } from "./request-context.js";
import { backoffDelay, isRetryStatus, mayRetry, retryAfterDelay, type RetryPolicy } from "./retry-policy.js";
import { waitFor, type Stop } from "./wait.js";

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
  retry: RetryPolicy;
  logger: Required<Logger>;
  /** Aborted when the client is closed: nothing is sent after that, and waits for a retry end. */
  closed: AbortSignal;
}

/**
 * The `fetch` under openapi-fetch: a deadline per call (retries included, combined with the
 * caller's signal), retries with backoff for network errors and 429/502/503/504, and typed
 * errors. The body is buffered once so that every attempt can send it again.
 */
export function createTransport(settings: TransportSettings): FetchFunction {
  const { timeoutMs, retry, logger, closed } = settings;
  const send = followSameOriginRedirects(settings.send, logger);
  return async (request) => {
    const { path, retrySafe, startedAt, evenIfClosed } = requestContext(request);
    const method = request.method;
    const stopsOnClose = !evenIfClosed;
    if (stopsOnClose && closed.aborted) throw clientClosedError(method, path);
    const timedOut = () => new TimeoutError(method, path, timeoutMs);
    const endsAt = (startedAt ?? performance.now()) + timeoutMs;
    const timeLeft = () => endsAt - performance.now();
    if (timeLeft() <= 0) throw timedOut();
    const body = request.body ? await request.arrayBuffer() : undefined;
    const { signal, deadline } = callSignal(request.signal, timeLeft());
    const retryable = mayRetry(method, retry, retrySafe);
    // The pause between attempts ends early at the call's deadline or abort, and when the client closes.
    const pauseStops: Stop[] = [{ signal, reason: () => (deadline.aborted ? timedOut() : signal.reason) }];
    if (stopsOnClose) pauseStops.push({ signal: closed, reason: () => clientClosedError(method, path) });
    const pause = (ms: number) => waitFor(undefined, ms, () => undefined, pauseStops);

    for (let attempt = 0; ; attempt++) {
      const canRetry = retryable && attempt < retry.retries;
      let response: Response;
      try {
        response = await send(request, signal, body);
      } catch (error) {
        if (deadline.aborted) throw timedOut();
        if (request.signal.aborted) throw request.signal.reason;
        const tlsCode = tlsFailureCode(error);
        if (tlsCode) throw new TlsError(method, path, tlsCode, { cause: error });
        if (!canRetry) throw new ConnectionError(method, path, `no response (${networkReason(error)})`, { cause: error });
        const delay = backoffDelay(attempt, retry);
        logger.info(`${method} ${path}: no response (${networkReason(error)}); retry ${attempt + 1} of ${retry.retries} in ${delay} ms`);
        await pause(delay);
        continue;
      }
      if (!canRetry || !isRetryStatus(response.status)) return response;
      const retryAfter = retryAfterDelay(response.headers.get("Retry-After"));
      // A server that asks for a longer wait than the policy or the deadline allows gets its answer passed on.
      if (retryAfter !== undefined && (retryAfter > retry.maxRetryAfterMs || retryAfter >= timeLeft())) return response;
      const delay = retryAfter ?? backoffDelay(attempt, retry);
      await response.body?.cancel();
      logger.info(`${method} ${path}: HTTP ${response.status}; retry ${attempt + 1} of ${retry.retries} in ${delay} ms`);
      await pause(delay);
    }
  };
}

/** The controller behind each call's signal, alive exactly as long as the signal is. */
const controllers = new WeakMap<AbortSignal, AbortController>();

/**
 * One signal for the whole call: aborted by the caller's signal or when `timeoutMs` runs out
 * (including while the body is read). Cheaper than AbortSignal.any + AbortSignal.timeout.
 * The timer holds the signal weakly, so finished calls do not pile up until their deadline.
 */
function callSignal(callerSignal: AbortSignal, timeoutMs: number): { signal: AbortSignal; deadline: { readonly aborted: boolean } } {
  const controller = new AbortController();
  const signal = controller.signal;
  controllers.set(signal, controller);
  const deadline = { aborted: false };
  const weakSignal = new WeakRef(signal);
  const timer = setTimeout(() => {
    const alive = weakSignal.deref();
    if (!alive || alive.aborted) return;
    deadline.aborted = true;
    controllers.get(alive)?.abort(new DOMException("The call timed out.", "TimeoutError"));
  }, timeoutMs);
  // Like AbortSignal.timeout: the timer never keeps the process alive.
  timer.unref?.();
  if (callerSignal.aborted) controller.abort(callerSignal.reason);
  else callerSignal.addEventListener("abort", () => controllers.get(signal)?.abort(callerSignal.reason), { once: true, signal });
  return { signal, deadline };
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

/** The TLS error code somewhere in a fetch failure's cause chain, if it is a TLS failure. */
function tlsFailureCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (TLS_CODES.has(code) || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_"))) return code;
  }
  return undefined;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.message : String(error);
}

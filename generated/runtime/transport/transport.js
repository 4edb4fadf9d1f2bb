import { ConnectionError, clientClosedError, TimeoutError, TlsError } from "../errors.js";
import { assertSafeRequest } from "../security.js";
import { followSameOriginRedirects } from "./redirects.js";
import { requestContext } from "./request-context.js";
import { checkAnswer, notAnHttpStatus, watchBody } from "./response-body.js";
import { backoffDelay, isRetryStatus, mayRetry, retryAfterDelay } from "./retry-policy.js";
import { NotAnHttpStatus } from "./undici-send.js";
import { waitFor } from "./wait.js";
/** Sends attempts through a caller's fetch, which takes a single Request. */
export function sendWith(fetch) {
    return ({ method, url, headers, body }, signal) => fetch(new Request(url, { method, headers, body: body ?? null, signal, redirect: "manual" }));
}
/**
 * The client's transport: a deadline per call (retries included, combined with the caller's
 * signal), retries with backoff for network errors and 429/502/503/504, and typed errors.
 */
export function createTransport(settings) {
    const { timeoutMs, maxResponseBytes, retry, logger, closed, allowInsecureHttp } = settings;
    const send = followSameOriginRedirects(settings.send, logger);
    const exchange = async (outgoing, context, callerSignal) => {
        const { path, retrySafe, startedAt, evenIfClosed } = context;
        const { method } = outgoing;
        assertSafeRequest(outgoing, allowInsecureHttp);
        const stopsOnClose = !evenIfClosed;
        if (stopsOnClose && closed.aborted)
            throw clientClosedError(method, path);
        const timedOut = () => new TimeoutError(method, path, timeoutMs);
        const endsAt = (startedAt ?? performance.now()) + timeoutMs;
        const timeLeft = () => endsAt - performance.now();
        if (timeLeft() <= 0)
            throw timedOut();
        const { signal, deadline, settle } = callSignal(callerSignal, timeLeft());
        const retryable = mayRetry(method, retry, retrySafe);
        /** A failure of this call, as the system reported it. */
        const failureOf = (error) => ({ method, path, url: outgoing.url, ...systemReason(error) });
        const watch = {
            method,
            path,
            maxBytes: maxResponseBytes,
            settle,
            readFailure: (error, bytesRead) => {
                if (deadline.aborted)
                    return timedOut();
                if (callerSignal?.aborted)
                    return callerSignal.reason;
                return new ConnectionError(failureOf(error), `the answer was cut off after ${bytesRead} bytes of its body`, { cause: error });
            },
        };
        const answer = (response) => ({ response: checkAnswer(response, watch), watch });
        // The pause between attempts ends early at the call's deadline or abort, and when the client closes.
        const pauseStops = [{ signal, reason: () => (deadline.aborted ? timedOut() : signal.reason) }];
        if (stopsOnClose)
            pauseStops.push({ signal: closed, reason: () => clientClosedError(method, path) });
        const pause = (ms) => waitFor(undefined, ms, () => undefined, pauseStops);
        try {
            for (let attempt = 0;; attempt++) {
                const canRetry = retryable && attempt < retry.retries;
                let response;
                try {
                    response = await send(outgoing, signal);
                }
                catch (error) {
                    if (deadline.aborted)
                        throw timedOut();
                    if (callerSignal?.aborted)
                        throw callerSignal.reason;
                    if (error instanceof NotAnHttpStatus)
                        throw notAnHttpStatus(watch, error.status);
                    const said = failureOf(error);
                    if (said.code && isTlsCode(said.code))
                        throw new TlsError({ ...said, code: said.code }, { cause: error });
                    const failure = new ConnectionError(said, "no response", { cause: error });
                    if (!canRetry)
                        throw failure;
                    const delay = backoffDelay(attempt, retry);
                    logger.info(`${failure.message}; retry ${attempt + 1} of ${retry.retries} in ${delay} ms`);
                    await pause(delay);
                    continue;
                }
                if (!canRetry || !isRetryStatus(response.status))
                    return answer(response);
                const retryAfter = retryAfterDelay(response.headers.get("Retry-After"));
                // A server that asks for a longer wait than the policy or the deadline allows gets its answer passed on.
                if (retryAfter !== undefined && (retryAfter > retry.maxRetryAfterMs || retryAfter >= timeLeft()))
                    return answer(response);
                const delay = retryAfter ?? backoffDelay(attempt, retry);
                await response.body?.cancel();
                logger.info(`${method} ${path}: HTTP ${response.status}; retry ${attempt + 1} of ${retry.retries} in ${delay} ms`);
                await pause(delay);
            }
        }
        catch (error) {
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
function callSignal(callerSignal, timeoutMs) {
    const controller = new AbortController();
    const deadline = { aborted: false };
    const timer = setTimeout(() => {
        deadline.aborted = true;
        controller.abort(new DOMException("The call timed out.", "TimeoutError"));
    }, timeoutMs);
    // Like AbortSignal.timeout: the timer never keeps the process alive.
    timer.unref?.();
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted)
        controller.abort(callerSignal.reason);
    else
        callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
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
function isTlsCode(code) {
    return TLS_CODES.has(code) || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_");
}
/**
 * The system's code for a network failure, from the error or its causes (undici's
 * `fetch failed` carries it in `cause`): a TLS code if any, else the outermost; or else the
 * error's message.
 */
function systemReason(error) {
    const codes = [];
    for (let current = error, depth = 0; current && depth < 5; current = current.cause, depth++) {
        const code = current.code;
        if (typeof code === "string" && code !== "")
            codes.push(code);
    }
    // A TLS failure's code wins wherever it is: a wrapper above it may carry a socket code of its own.
    const code = codes.find(isTlsCode) ?? codes[0];
    return code ? { code } : { reason: error instanceof Error ? error.message : String(error) };
}

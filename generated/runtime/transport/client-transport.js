import { durationOption } from "../duration-option.js";
import { resolveMaxResponseBytes } from "./response-body.js";
import { resolveRetryPolicy } from "./retry-policy.js";
import { createTlsTransport } from "./tls-transport.js";
import { createTransport, sendWith } from "./transport.js";
import { sendWithUndici } from "./undici-send.js";
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * The client's transport from its options: `tls` or `fetch` (or undici, undici-send.ts),
 * `timeoutMs`, `maxResponseBytes`, `retry` and `allowInsecureHttp`.
 *
 * @throws {TypeError} an option out of range.
 */
export function createClientTransport(options, logger) {
    const tls = options.tls ? createTlsTransport(options.tls, logger) : undefined;
    const send = options.fetch ? sendWith(options.fetch) : (tls?.send ?? sendWithUndici);
    const timeoutMs = durationOption("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1);
    const maxResponseBytes = resolveMaxResponseBytes(options.maxResponseBytes);
    const closed = new AbortController();
    const transport = createTransport({
        send,
        timeoutMs,
        maxResponseBytes,
        retry: resolveRetryPolicy(options.retry),
        allowInsecureHttp: options.allowInsecureHttp === true,
        logger,
        closed: closed.signal,
    });
    return {
        ...transport,
        timeoutMs,
        closed: closed.signal,
        stop: () => closed.abort(),
        closeConnections: async () => tls?.close(),
    };
}

import { durationOption } from "../duration-option.js";
import type { Logger } from "../logger.js";
import type { ClientOptions } from "../options.js";
import { resolveMaxResponseBytes } from "./response-body.js";
import { resolveRetryPolicy } from "./retry-policy.js";
import { createTlsTransport } from "./tls-transport.js";
import { createTransport, sendWith, type Transport } from "./transport.js";
import { sendWithUndici } from "./undici-send.js";

const DEFAULT_TIMEOUT_MS = 30_000;

/** How one client reaches its server (transport.ts), logins and token releases included. */
export interface ClientTransport extends Transport {
  /** Each call's deadline in ms. */
  timeoutMs: number;
  /** Aborted by stop(). */
  closed: AbortSignal;
  /** From now on calls fail with ConnectionError and waits for a retry end; only a token release is still sent. */
  stop(): void;
  /** Closes the client's own TLS connections, when it has `tls` settings. */
  closeConnections(): Promise<void>;
}

/**
 * The client's transport from its options: `tls` or `fetch` (or undici, undici-send.ts),
 * `timeoutMs`, `maxResponseBytes`, `retry` and `allowInsecureHttp`.
 *
 * @throws {TypeError} an option out of range.
 */
export function createClientTransport(options: ClientOptions<unknown>, logger: Required<Logger>): ClientTransport {
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

import type { Logger } from "../logger.js";
import type { TlsOptions } from "../options.js";
import type { SendAttempt } from "./transport.js";
/** Sends through this client's own connection pool; `close` (called once, by the client's close()) ends its connections. */
export interface TlsTransport {
    send: SendAttempt;
    close(): Promise<void>;
}
/**
 * This client's own connection pool (an undici Agent) with its TLS settings: a private CA, a
 * client certificate, or — only when asked for — no verification. Nothing process-wide changes.
 */
export declare function createTlsTransport(tls: TlsOptions, logger: Required<Logger>): TlsTransport;

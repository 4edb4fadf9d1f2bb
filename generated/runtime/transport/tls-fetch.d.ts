import type { Logger } from "../logger.js";
import type { TlsOptions } from "../options.js";
import type { SendAttempt } from "./transport.js";
/**
 * A fetch with this client's own TLS settings (an undici Agent): a private CA, a client
 * certificate, or — only when asked for — no verification. Nothing process-wide changes.
 */
export declare function createTlsSend(tls: TlsOptions, logger: Required<Logger>): SendAttempt;

import type { Logger } from "../logger.js";
import type { FetchFunction, TlsOptions } from "../options.js";
/**
 * A fetch with this client's own TLS settings (an undici Agent): a private CA, a client
 * certificate, or — only when asked for — no verification. Nothing process-wide changes.
 */
export declare function createTlsFetch(tls: TlsOptions, logger: Required<Logger>): FetchFunction;

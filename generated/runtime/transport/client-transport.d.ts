import type { Logger } from "../logger.js";
import type { ClientOptions } from "../options.js";
import { type Transport } from "./transport.js";
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
export declare function createClientTransport(options: ClientOptions<unknown>, logger: Required<Logger>): ClientTransport;

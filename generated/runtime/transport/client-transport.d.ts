import type { Logger } from "../logger.js";
import type { ClientOptions, FetchFunction } from "../options.js";
/** How one client reaches its server, logins and token releases included. */
export interface ClientTransport {
    /** The `fetch` under openapi-fetch: deadlines, retries, TLS, typed errors (see transport.ts). */
    fetch: FetchFunction;
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
 * The client's transport from its options: `tls` or `fetch` (or the global fetch),
 * `timeoutMs`, `maxResponseBytes`, `retry` and `allowInsecureHttp`.
 *
 * @throws {TypeError} an option out of range.
 */
export declare function createClientTransport(options: ClientOptions<unknown>, logger: Required<Logger>): ClientTransport;

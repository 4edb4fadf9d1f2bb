import type { ApiDescription, ClientOptions, OperationTable } from "./options.js";
declare global {
    interface SymbolConstructor {
        readonly asyncDispose: unique symbol;
    }
}
/** The end of a client: `await client.close()`, or `await using client = …`. */
export interface ClientLifecycle {
    /** Releases what the client holds: a PEM token (as `logout()` does) and its own TLS connections. Calls after it fail. */
    close(): Promise<void>;
    [Symbol.asyncDispose](): Promise<void>;
}
/** A PEM client's token session: `await client.logout()`; `close()` and `await using` log out too. */
export interface PemSession extends ClientLifecycle {
    /** Releases the token (`DELETE …/token/`). Later calls log in again. */
    logout(): Promise<void>;
}
/**
 * Builds a client from a generated version entry's description and operation table: its
 * transport (transport/client-transport.ts), its authentication (the login kind the entry
 * names, auth/login-kinds.ts), its methods (method-binding.ts, direct-request.ts), and its
 * path calls, which the version entry's `pathClient` hands out (path-client.ts).
 *
 * @throws {TypeError} options that are missing, unknown, out of range or unsafe (credentials over
 * plain http://), and an `auth` of no shape the API's login kind takes.
 */
export declare function createApiClient(api: ApiDescription, operations: OperationTable, options: ClientOptions<unknown>): object;

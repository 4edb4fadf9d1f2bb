import type { Logger } from "../logger.js";
import type { FetchFunction, PemAuth } from "../options.js";
import type { AuthCall, Credentials } from "./login-kinds.js";
import { type PemEndpoints } from "./pem-location.js";
export declare const PEM_TOKEN_HEADER = "X-Auth-Token";
export interface PemSessionSettings {
    auth: PemAuth;
    /** Where to log in, in order: the first layout whose token endpoint answers is kept. */
    endpoints: readonly PemEndpoints[];
    /** The API version the client was generated for (`v10`), checked against the server's lists. */
    apiVersion: string;
    refreshMarginMs: number;
    /** Each call's deadline, which covers waiting for a login too. */
    timeoutMs: number;
    /** The client's transport: timeouts, retries and TLS apply to logins too. */
    fetch: FetchFunction;
    logger: Required<Logger>;
    /** Aborted when the client is closed. */
    closed: AbortSignal;
}
/** The call a token is for: what a wait for a login may say in its TimeoutError, and what may end that wait early. */
export interface TokenCall {
    method: string;
    /** The path template, as errors name it. */
    path: string;
    /** The caller's signal: aborting it ends the call's wait for a login (not the login). */
    signal?: AbortSignal | undefined;
    /** `performance.now()` when the call began: its deadline covers the wait for a login. */
    startedAt: number;
}
/**
 * PEM's token session for one client: one login for any number of concurrent calls, a fresh
 * login shortly before expiry, one re-login and replay after a 401, and logout. Its state is
 * the fields below; credentials and tokens live only in private fields, which neither
 * `util.inspect` nor `JSON.stringify` shows.
 */
export declare class PemTokenSession {
    #private;
    constructor(settings: PemSessionSettings);
    /**
     * A usable token: the current one, or the one a login brings, which concurrent callers
     * without a token share. Each caller waits only while its deadline and signal allow; the
     * login itself has a deadline of its own and goes on for the others.
     *
     * @throws {UnsupportedApiVersionError} a login said the server does not support this client's API version (then on every call).
     * @throws {AuthenticationError} PEM rejected the credentials (`status` 401 or 403), or the caller's token, and there are no credentials to log in with.
     * @throws {ApiError} the server failed the login (PEM's 503 while its database is down), after retries.
     * @throws {InvalidResponseError} the login answer had no token, or its version lists are not lists of version names.
     * @throws {TimeoutError} the call's deadline passed while it waited for the login.
     * @throws {ConnectionError} the login got no answer, the client was closed, or logout() released the caller's token.
     * @throws the reason of `call.signal`, when it aborts the wait.
     */
    token(call: TokenCall): Promise<string> | string;
    /**
     * Releases the current token and the one a login under way is about to bring
     * (`DELETE …/token/`); the next call logs in again. A token the server no longer knows
     * (401, 404) counts as released.
     *
     * @throws {ApiError} the server failed the release with another status.
     * @throws {ConnectionError} the release got no answer.
     * @throws {TimeoutError} the release did not finish within the client's timeoutMs.
     */
    logout(): Promise<void>;
    /** The password or caller's token, and the last two tokens logins brought: what an error body may echo. */
    secrets(): string[];
    /**
     * A call's token, and the base URL of the layout in use. A login itself goes without.
     *
     * @throws {ConnectionError} the client was closed.
     * @throws what token() throws.
     */
    credentials(call: AuthCall): Credentials | Promise<Credentials>;
    /**
     * A 401 to a call sent with a token: the token is dropped, and the call is sent once more
     * with a fresh one (one login for all the calls that met the 401). A caller's token that PEM
     * rejects, and a fresh token that it rejects too, are the call's error.
     *
     * @throws {ApiError} PEM rejected the caller's token, or the fresh one (`replayed`).
     * @throws what token() throws, for the fresh token.
     */
    afterAnswer(call: AuthCall, response: Response, used: Credentials, replayed: boolean): Promise<Credentials | undefined>;
}

import type { Logger } from "../logger.js";
import type { KindOptions } from "../option-checks.js";
import type { ApiDescription, ClientOptions, FetchFunction } from "../options.js";
/**
 * How a client of one API logs in: where its calls go, which options it reads, how each
 * request carries the credentials, and which secrets error bodies and headers may echo.
 * The generated entry names its kind in `api.auth`; nothing else in the runtime asks which API it is.
 * `Options` are the options only this kind takes, which createClient accepts from `optionNames`.
 */
export interface LoginKind<Options extends object = object> extends KindOptions {
    /**
     * Where the client's calls go, from its `baseUrl` (already parsed, `given`, and joined to the
     * spec's base path, `resolvedBaseUrl`) and the kind's own URL options.
     *
     * @throws {TypeError} a URL option that is not an absolute http(s) URL, or would leave the base URL's origin.
     */
    plan(settings: {
        api: ApiDescription;
        options: ClientOptions<unknown> & Options;
        given: URL;
        resolvedBaseUrl: string;
    }): LoginPlan;
}
export interface LoginPlan {
    /** The base URL put in front of the spec's paths (a PEM call may be moved to another: Credentials.baseUrl). */
    baseUrl: string;
    /**
     * Authentication over the client's transport, once it exists.
     *
     * @throws {TypeError} an auth option out of range, or credentials that would go over plain http://.
     */
    start(transport: AuthTransport): ClientAuth;
}
/** What authentication may use of the client's transport. */
export interface AuthTransport {
    fetch: FetchFunction;
    timeoutMs: number;
    logger: Required<Logger>;
    /** Aborted when the client is closed. */
    closed: AbortSignal;
}
/** One call, as authentication sees it. */
export interface AuthCall {
    method: string;
    /** The path template, as errors name it. */
    path: string;
    /** The call's URL under the plan's base URL. */
    url: string;
    /** The caller's signal: aborting it ends the call's wait for a login (not the login). */
    signal?: AbortSignal | undefined;
    /** `performance.now()` when the call began: its deadline covers a wait for a login. */
    startedAt: number;
}
/** What a call is sent with. */
export interface Credentials {
    /** Headers to set on the request, over any of the same name. */
    headers: Readonly<Record<string, string>>;
    /** Where the call goes instead of the plan's base URL (PEM, once a login found the layout). */
    baseUrl?: string;
}
/**
 * A client's authentication, which the methods (direct-request.ts) and openapi-fetch's calls
 * (auth-middleware.ts) both send their calls with.
 */
export interface ClientAuth {
    /** The credentials for one call; a PEM call may wait for a login. Absent without `auth`. */
    credentials?(call: AuthCall): Credentials | Promise<Credentials>;
    /**
     * After the answer to a call sent with `used`: the credentials to send it once more with
     * (PEM, after a 401), or undefined to keep the answer. `replayed` says it is the answer to
     * that second sending, which is never sent again.
     *
     * @throws {ApiError} the answer, when it rejects credentials that cannot be renewed.
     */
    afterAnswer?(call: AuthCall, answer: Response, used: Credentials, replayed: boolean): Promise<Credentials | undefined>;
    /** The credentials as they are now (a PEM token changes), to take out of errors. */
    secrets(): readonly string[];
    /** The client's `logout()`, for a kind that holds a session. */
    logout?(): Promise<void>;
}
/**
 * The login kind a generated entry names.
 *
 * @throws {TypeError} a name the runtime does not know (an entry generated for another runtime).
 */
export declare function loginKind(name: string): LoginKind;

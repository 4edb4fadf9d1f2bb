import type { Middleware } from "openapi-fetch";
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
    /** The base URL openapi-fetch puts in front of the spec's paths. */
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
/** A client's authentication. */
export interface ClientAuth {
    /** Adds the credentials to each request; absent without `auth`. */
    middleware?: Middleware;
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

import { serverUrl } from "../base-url.js";
import { durationOption } from "../duration-option.js";
import type { Logger } from "../logger.js";
import type { KindOptions } from "../option-checks.js";
import type { ApiDescription, ClientOptions, FetchFunction, PemAuth, PemTokenOptions, PmmAuth } from "../options.js";
import { assertSafeTransport } from "../security.js";
import { AUTH_SHAPES, type LoginKindName } from "./auth-shapes.js";
import { pemEndpointCandidates } from "./pem-location.js";
import { PemTokenSession } from "./pem-token.js";
import { pmmCredentials, pmmSecrets } from "./pmm-auth.js";

const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/** PEM's own options; typed against PemTokenOptions, so that a new one cannot be missed. */
const PEM_OPTION_NAMES: Record<keyof PemTokenOptions, true> = { tokenUrl: true, refreshMarginMs: true };

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
  plan(settings: { api: ApiDescription; options: ClientOptions<unknown> & Options; given: URL; resolvedBaseUrl: string }): LoginPlan;
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
 * PEM: a token from `POST …/token/` (or the caller's), sent as `X-Auth-Token`; the layout of
 * its API is found at the first login when `baseUrl` is an origin alone. `tokenUrl` and
 * `refreshMarginMs` are its options.
 */
const pemToken: LoginKind<PemTokenOptions> = {
  optionNames: Object.keys(PEM_OPTION_NAMES),
  authShapes: AUTH_SHAPES["pem-token"],
  plan({ api, options, given, resolvedBaseUrl }) {
    const endpoints = pemEndpointCandidates({
      // The caller's origin, never one parsed back from a URL the base path was joined to.
      origin: given.origin,
      explicitBaseUrl: given.pathname === "/" ? undefined : resolvedBaseUrl,
      tokenUrl: options.tokenUrl === undefined ? undefined : serverUrl(options.tokenUrl, "tokenUrl"),
      specBasePath: api.basePath,
    });
    return {
      // The first layout until a login says otherwise.
      baseUrl: endpoints[0]!.baseUrl,
      start({ fetch, timeoutMs, logger, closed }) {
        // Without credentials there is nothing to log in with, and no token to release.
        if (!options.auth) return { secrets: () => [], logout: () => Promise.resolve() };
        for (const { tokenUrl } of endpoints) assertSafeTransport(tokenUrl, "tokenUrl", options.allowInsecureHttp === true);
        const session = new PemTokenSession({
          auth: options.auth as PemAuth,
          endpoints,
          apiVersion: api.version,
          refreshMarginMs: durationOption("refreshMarginMs", options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS, 0),
          timeoutMs,
          fetch,
          logger,
          closed,
        });
        return {
          credentials: (call) => session.credentials(call),
          afterAnswer: (call, answer, used, replayed) => session.afterAnswer(call, answer, used, replayed),
          secrets: () => session.secrets(),
          logout: () => session.logout(),
        };
      },
    };
  },
};

/** PMM: one `Authorization` header (bearer token, HTTP basic, or an API key in basic form) on every request. */
const pmm: LoginKind = {
  optionNames: [],
  authShapes: AUTH_SHAPES.pmm,
  plan({ resolvedBaseUrl, options }) {
    return {
      baseUrl: resolvedBaseUrl,
      start() {
        if (!options.auth) return { secrets: () => [] };
        const auth = options.auth as PmmAuth;
        const credentials = pmmCredentials(auth);
        const secrets = pmmSecrets(auth);
        return { credentials: () => credentials, secrets: () => secrets };
      },
    };
  },
};

const LOGIN_KINDS = { "pem-token": pemToken, pmm } as const satisfies Record<LoginKindName, LoginKind<never>>;

/**
 * The login kind a generated entry names.
 *
 * @throws {TypeError} a name the runtime does not know (an entry generated for another runtime).
 */
export function loginKind(name: string): LoginKind {
  if (!Object.hasOwn(LOGIN_KINDS, name))
    throw new TypeError(`This runtime does not know the login kind ${JSON.stringify(name)}; regenerate the client with this package.`);
  // createClient has checked the options against the kind's `optionNames` before it plans.
  return LOGIN_KINDS[name as LoginKindName] as LoginKind;
}

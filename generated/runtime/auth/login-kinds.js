import { serverUrl } from "../base-url.js";
import { durationOption } from "../duration-option.js";
import { assertSafeTransport } from "../security.js";
import { AUTH_SHAPES } from "./auth-shapes.js";
import { pemEndpointCandidates } from "./pem-location.js";
import { PemTokenSession } from "./pem-token.js";
import { pmmCredentials, pmmSecrets } from "./pmm-auth.js";
const DEFAULT_REFRESH_MARGIN_MS = 60_000;
/** PEM's own options; typed against PemTokenOptions, so that a new one cannot be missed. */
const PEM_OPTION_NAMES = { tokenUrl: true, refreshMarginMs: true };
/**
 * PEM: a token from `POST …/token/` (or the caller's), sent as `X-Auth-Token`; the layout of
 * its API is found at the first login when `baseUrl` is an origin alone. `tokenUrl` and
 * `refreshMarginMs` are its options.
 */
const pemToken = {
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
            baseUrl: endpoints[0].baseUrl,
            start({ fetch, timeoutMs, logger, closed }) {
                // Without credentials there is nothing to log in with, and no token to release.
                if (!options.auth)
                    return { secrets: () => [], logout: () => Promise.resolve() };
                for (const { tokenUrl } of endpoints)
                    assertSafeTransport(tokenUrl, "tokenUrl", options.allowInsecureHttp === true);
                const session = new PemTokenSession({
                    auth: options.auth,
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
const pmm = {
    optionNames: [],
    authShapes: AUTH_SHAPES.pmm,
    plan({ resolvedBaseUrl, options }) {
        return {
            baseUrl: resolvedBaseUrl,
            start() {
                if (!options.auth)
                    return { secrets: () => [] };
                const auth = options.auth;
                const credentials = pmmCredentials(auth);
                const secrets = pmmSecrets(auth);
                return { credentials: () => credentials, secrets: () => secrets };
            },
        };
    },
};
const LOGIN_KINDS = { "pem-token": pemToken, pmm };
/**
 * The login kind a generated entry names.
 *
 * @throws {TypeError} a name the runtime does not know (an entry generated for another runtime).
 */
export function loginKind(name) {
    if (!Object.hasOwn(LOGIN_KINDS, name))
        throw new TypeError(`This runtime does not know the login kind ${JSON.stringify(name)}; regenerate the client with this package.`);
    // createClient has checked the options against the kind's `optionNames` before it plans.
    return LOGIN_KINDS[name];
}

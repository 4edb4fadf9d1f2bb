import { apiErrorFrom, AuthenticationError, clientClosedError, TimeoutError, UnsupportedApiVersionError } from "../errors.js";
import { rememberRequest } from "../transport/request-context.js";
import { waitFor } from "../transport/wait.js";
import { versionList } from "./api-versions.js";
import { isNotHere, isTokenApi, notTheTokenApi, relocate } from "./pem-location.js";
import { redactSecrets } from "./redact.js";
export const PEM_TOKEN_HEADER = "X-Auth-Token";
/** PEM's documented token lifetime, used when the login response does not say. */
const DEFAULT_LIFETIME_MS = 20 * 60_000;
/**
 * PEM's token lifecycle: one login for any number of concurrent calls, a fresh login
 * shortly before expiry, one re-login and replay after a 401, and logout. Credentials and
 * tokens live only in this closure.
 */
export function createPemSession(settings) {
    const { auth, endpoints, apiVersion, refreshMarginMs, timeoutMs, fetch, logger, closed } = settings;
    /** The layout in use: known from the start when there is one candidate, else from the first login. */
    let located = endpoints.length === 1 ? endpoints[0] : undefined;
    const inUse = () => located ?? endpoints[0];
    let current = "token" in auth ? { value: auth.token, refreshAt: undefined } : undefined;
    let pendingLogin;
    let unsupported;
    let warnedDeprecated = false;
    let loggedOut = false;
    /** A copy of each request, to replay it once after a 401, the token it was sent with, and when the call began. */
    const sent = new WeakMap();
    function isUsable(token) {
        return token !== undefined && (token.refreshAt === undefined || Date.now() < token.refreshAt);
    }
    async function login() {
        if (!("username" in auth)) {
            throw new AuthenticationError(loggedOut
                ? "This client's token was released by logout(); create a new client with a token, or with a username and password to log in."
                : "PEM rejected the token, and the client has no username and password to log in again.");
        }
        const { response, tokenPath } = await postLogin(auth);
        const issued = response.headers.get("X-Subject-Token");
        const body = await readJson(response);
        if (response.status === 401 || response.status === 403) {
            throw new AuthenticationError(`PEM rejected the username or password (POST ${tokenPath} answered HTTP ${response.status}).`, response.status);
        }
        // Anything else (PEM answers 503 while its database is down) is the server's failure, not the credentials'.
        // Its body may echo the credentials: they are taken out before it becomes part of an error.
        if (!response.ok)
            throw apiErrorFrom("POST", tokenPath, response, redactSecrets(body, [auth.password]));
        if (!issued)
            throw new AuthenticationError(`PEM login answered HTTP ${response.status} without an X-Subject-Token header.`, response.status);
        try {
            checkApiVersion(body, tokenPath);
        }
        catch (error) {
            await release(issued).catch(() => undefined);
            throw error;
        }
        const lifetime = tokenLifetime(body);
        // A margin as long as the lifetime would log in on every call; never refresh before half of it.
        const margin = Math.min(refreshMarginMs, lifetime / 2);
        logger.info(`PEM: logged in; token valid for ${Math.round(lifetime / 1000)} s`);
        return { value: issued, refreshAt: Date.now() + lifetime - margin };
    }
    /**
     * Sends a token API request at the layout in use or, while none is known, at each layout in
     * turn until one does not pass it over (the last one always answers).
     */
    async function atEachLayout(send, passOver) {
        const candidates = located ? [located] : endpoints;
        for (let index = 0;; index++) {
            const candidate = candidates[index];
            const response = await send(candidate);
            if (index === candidates.length - 1 || !passOver(response))
                return { response, endpoints: candidate };
            await response.body?.cancel();
        }
    }
    /** POST …/token/; the first answer from the token API itself fixes the layout for this client. */
    async function postLogin(credentials) {
        const { response, endpoints: answered } = await atEachLayout((candidate) => {
            logger.debug(`PEM: logging in at POST ${candidate.tokenPath}`);
            const request = new Request(candidate.tokenUrl, {
                method: "POST",
                headers: { "Content-Type": "application/json", Accept: "application/json" },
                body: JSON.stringify({ username: credentials.username, password: credentials.password }),
            });
            return fetch(rememberRequest(request, { path: candidate.tokenPath, retrySafe: true }));
        }, notTheTokenApi);
        const { tokenPath } = answered;
        if (!located && isTokenApi(response)) {
            located = answered;
            logger.debug(`PEM: the server's token API answered at ${tokenPath}; using ${answered.baseUrl} for this client's calls`);
        }
        else if (!located && notTheTokenApi(response)) {
            const tried = endpoints.map((e) => e.tokenPath).join(" and ");
            logger.warn(`PEM: no token API answered at ${tried}; set baseUrl (or tokenUrl) to the path your server serves its API under.`);
        }
        return { response, tokenPath };
    }
    function checkApiVersion(body, tokenPath) {
        if (!/^v\d+$/.test(apiVersion))
            return;
        const normalize = (v) => v.replace(/^v/i, "");
        const supported = versionList(body, "supported_api_versions", tokenPath);
        const deprecated = versionList(body, "deprecated_api_versions", tokenPath).map(normalize);
        if (supported.length > 0 && !supported.map(normalize).includes(normalize(apiVersion))) {
            unsupported = new UnsupportedApiVersionError(apiVersion, supported);
            throw unsupported;
        }
        if (deprecated.includes(normalize(apiVersion)) && !warnedDeprecated) {
            warnedDeprecated = true;
            logger.warn(`The PEM server marks API ${apiVersion} as deprecated; plan the move to a newer client version.`);
        }
    }
    /**
     * A usable token; concurrent callers without one share a single login. Each caller waits
     * only while its call's deadline and signal allow; the login itself has a deadline of its own.
     */
    function validToken(request, path, startedAt) {
        if (unsupported)
            throw unsupported;
        if (isUsable(current))
            return current.value;
        pendingLogin ??= login()
            .then((token) => (current = token))
            .finally(() => (pendingLogin = undefined));
        const timeLeft = startedAt + timeoutMs - performance.now();
        const timedOut = () => {
            throw new TimeoutError(request.method, path, timeoutMs);
        };
        return waitFor(pendingLogin, timeLeft, timedOut, [{ signal: request.signal, reason: () => request.signal.reason }]).then((token) => token.value);
    }
    const isLogin = (request) => request.method === "POST" && endpoints.some((e) => e.tokenUrl === request.url);
    const middleware = {
        async onRequest({ request, schemaPath }) {
            if (isLogin(request))
                return undefined;
            // Before anything else: a closed client's caller token must not look like a rejected one.
            if (closed.aborted)
                throw clientClosedError(request.method, schemaPath);
            const startedAt = performance.now();
            const token = await validToken(request, schemaPath, startedAt);
            request = await relocate(request, endpoints[0].baseUrl, inUse().baseUrl);
            request.headers.set(PEM_TOKEN_HEADER, token);
            sent.set(request, { replay: request.clone(), token, startedAt });
            return rememberRequest(request, { path: schemaPath, startedAt });
        },
        async onResponse({ request, response, schemaPath, options }) {
            const original = sent.get(request);
            if (response.status !== 401 || !original)
                return undefined;
            await response.body?.cancel();
            // Only the first 401 for a token drops it; calls that used it too just wait for the new one.
            if (current?.value === original.token)
                current = undefined;
            logger.info(`PEM: ${request.method} ${schemaPath} answered 401; logging in again and replaying once`);
            const token = await validToken(request, schemaPath, original.startedAt);
            const replay = original.replay;
            replay.headers.set(PEM_TOKEN_HEADER, token);
            const second = await options.fetch(rememberRequest(replay, { path: schemaPath, startedAt: original.startedAt }));
            if (second.status === 401) {
                await second.body?.cancel();
                throw new AuthenticationError(`PEM rejected a fresh token for ${request.method} ${schemaPath} (HTTP 401): the user may lack permission for it.`, 401);
            }
            return second;
        },
    };
    /** `DELETE …/token/` for a token. */
    async function release(token) {
        // A caller's token on a client that never logged in: its layout is not known yet.
        const { response, endpoints: answered } = await atEachLayout((candidate) => {
            const request = new Request(candidate.tokenUrl, { method: "DELETE", headers: { [PEM_TOKEN_HEADER]: token } });
            return fetch(rememberRequest(request, { path: candidate.tokenPath, evenIfClosed: true }));
        }, isNotHere);
        const { tokenPath } = answered;
        const body = await readJson(response);
        // 401/404: the server no longer knows the token, which is what releasing it wants.
        if (!response.ok && response.status !== 401 && response.status !== 404) {
            throw apiErrorFrom("DELETE", tokenPath, response, redactSecrets(body, [token]));
        }
    }
    /** Releases the current token and the one a login under way is about to bring. */
    async function releaseAll() {
        loggedOut = true;
        const tokens = new Set();
        if (current)
            tokens.add(current.value);
        current = undefined;
        const arriving = pendingLogin ? await pendingLogin.catch(() => undefined) : undefined;
        if (arriving)
            tokens.add(arriving.value);
        // That login stored its token as current; it is released now.
        current = undefined;
        for (const token of tokens)
            await release(token);
        if (tokens.size > 0)
            logger.info("PEM: logged out; token released");
    }
    // Logouts run one after another, so that each returns only when every token is released.
    let lastLogout = Promise.resolve();
    function logout() {
        lastLogout = lastLogout.catch(() => undefined).then(releaseAll);
        return lastLogout;
    }
    const secrets = () => ["password" in auth ? auth.password : auth.token, current?.value ?? ""];
    return { middleware, logout, secrets };
}
/** The token's lifetime from the login body: `expiresAt − issuedAt` when both are there, so clock skew does not matter. */
function tokenLifetime(body) {
    const expires = typeof body.expiresAt === "string" ? Date.parse(body.expiresAt) : NaN;
    const issued = typeof body.issuedAt === "string" ? Date.parse(body.issuedAt) : NaN;
    const lifetime = !Number.isNaN(expires) ? expires - (Number.isNaN(issued) ? Date.now() : issued) : DEFAULT_LIFETIME_MS;
    return lifetime > 0 ? lifetime : DEFAULT_LIFETIME_MS;
}
/** A token API answer's JSON object, or `{}`; a body that cannot be read fails with the transport's typed error. */
async function readJson(response) {
    const text = await response.text();
    try {
        const parsed = text ? JSON.parse(text) : {};
        return parsed && typeof parsed === "object" ? parsed : {};
    }
    catch {
        return {};
    }
}

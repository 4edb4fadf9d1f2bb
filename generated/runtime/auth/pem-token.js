import { AuthenticationError, apiErrorFrom, ConnectionError, clientClosedError, InvalidResponseError, TimeoutError, UnsupportedApiVersionError, } from "../errors.js";
import { assertHeaderCredential } from "../security.js";
import { rememberRequest } from "../transport/request-context.js";
import { waitFor } from "../transport/wait.js";
import { versionList } from "./api-versions.js";
import { isNotHere, isTokenApi, notTheTokenApi } from "./pem-location.js";
export const PEM_TOKEN_HEADER = "X-Auth-Token";
/** PEM's documented token lifetime, used when the login response does not say. */
const DEFAULT_LIFETIME_MS = 20 * 60_000;
/** What a login sends: no token. */
const NO_CREDENTIALS = { headers: {} };
/**
 * PEM's token session for one client: one login for any number of concurrent calls, a fresh
 * login shortly before expiry, one re-login and replay after a 401, and logout. Its state is
 * the fields below; credentials and tokens live only in private fields, which neither
 * `util.inspect` nor `JSON.stringify` shows.
 */
export class PemTokenSession {
    #settings;
    /** The layout in use: known from the start when there is one candidate, else from the first login that reaches the token API. */
    #located;
    /** The token calls are sent with; a caller's token from the start. */
    #current;
    /** The login under way, which every call without a usable token waits for. */
    #pendingLogin;
    /** Set once a login said the server does not support this API version: every later call fails with it. */
    #unsupported;
    #warnedDeprecated = false;
    /** Set by logout(): a caller's token is gone for good. */
    #loggedOut = false;
    /** The last two tokens logins brought, newest last (a call sent with the older one may still be answered). */
    #issued = [];
    /** PEM's 401 to a caller's token, when the client has no credentials to log in again with. */
    #rejected;
    /** The last logout: logouts run one after another, so each returns only when every token is released. */
    #lastLogout = Promise.resolve();
    constructor(settings) {
        this.#settings = settings;
        const { auth, endpoints } = settings;
        this.#located = endpoints.length === 1 ? endpoints[0] : undefined;
        if ("token" in auth)
            assertHeaderCredential("auth.token", auth.token);
        this.#current = "token" in auth ? { value: auth.token, refreshAt: undefined } : undefined;
    }
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
    token(call) {
        if (this.#unsupported)
            throw this.#unsupported;
        if (isUsable(this.#current))
            return this.#current.value;
        const { auth } = this.#settings;
        if (!("username" in auth))
            return Promise.reject(this.#withoutCredentials(call));
        this.#pendingLogin ??= this.#login(auth)
            .then((token) => {
            // The token before it may still be in flight on a call whose error echoes it.
            this.#issued = [this.#issued.at(-1), token.value].filter((value) => value !== undefined);
            this.#current = token;
            return token;
        })
            .finally(() => (this.#pendingLogin = undefined));
        const { timeoutMs } = this.#settings;
        const timeLeft = call.startedAt + timeoutMs - performance.now();
        const timedOut = () => {
            throw new TimeoutError(call.method, call.path, timeoutMs);
        };
        const { signal } = call;
        const stops = signal ? [{ signal, reason: () => signal.reason }] : [];
        return waitFor(this.#pendingLogin, timeLeft, timedOut, stops).then((token) => token.value);
    }
    /**
     * Releases the current token and the one a login under way is about to bring
     * (`DELETE …/token/`); the next call logs in again. A token the server no longer knows
     * (401, 404) counts as released.
     *
     * @throws {ApiError} the server failed the release with another status.
     * @throws {ConnectionError} the release got no answer.
     * @throws {TimeoutError} the release did not finish within the client's timeoutMs.
     */
    logout() {
        this.#lastLogout = this.#lastLogout.catch(() => undefined).then(() => this.#releaseAll());
        return this.#lastLogout;
    }
    /**
     * Why a client without a username and password has no token: PEM rejected the caller's
     * token (the answer that did), or logout() released it.
     */
    #withoutCredentials(call) {
        const rejected = this.#rejected;
        if (rejected && !this.#loggedOut) {
            // This call's own error, with the answer that rejected the token.
            const { status, requestId, body, headers, message } = rejected;
            return new AuthenticationError({ method: call.method, path: call.path, status, requestId, body, headers }, message);
        }
        const problem = "this client's token was released by logout(); create a new client with a token, or with a username and password to log in";
        return new ConnectionError({ method: call.method, path: call.path }, problem);
    }
    /** The password or caller's token, and the last two tokens logins brought: what an error body may echo. */
    secrets() {
        const { auth } = this.#settings;
        return ["password" in auth ? auth.password : auth.token, ...this.#issued];
    }
    #inUse() {
        return this.#located ?? this.#settings.endpoints[0];
    }
    #isLogin(call) {
        return call.method === "POST" && this.#settings.endpoints.some((e) => e.tokenUrl === call.url);
    }
    /**
     * A call's token, and the base URL of the layout in use. A login itself goes without.
     *
     * @throws {ConnectionError} the client was closed.
     * @throws what token() throws.
     */
    credentials(call) {
        if (this.#isLogin(call))
            return NO_CREDENTIALS;
        // Before anything else: a closed client's caller token must not look like a rejected one.
        if (this.#settings.closed.aborted)
            throw clientClosedError(call.method, call.path);
        const token = this.token(call);
        return typeof token === "string" ? this.#sendingWith(token) : token.then((value) => this.#sendingWith(value));
    }
    #sendingWith(token) {
        return { headers: { [PEM_TOKEN_HEADER]: token }, baseUrl: this.#inUse().baseUrl };
    }
    /**
     * A 401 to a call sent with a token: the token is dropped, and the call is sent once more
     * with a fresh one (one login for all the calls that met the 401). A caller's token that PEM
     * rejects, and a fresh token that it rejects too, are the call's error.
     *
     * @throws {ApiError} PEM rejected the caller's token, or the fresh one (`replayed`).
     * @throws what token() throws, for the fresh token.
     */
    async afterAnswer(call, response, used, replayed) {
        const token = used.headers[PEM_TOKEN_HEADER];
        if (response.status !== 401 || token === undefined)
            return undefined;
        const { method, path } = call;
        if (replayed) {
            const message = `PEM rejected a fresh token for ${method} ${path} (HTTP 401): the user may lack permission for it.`;
            throw apiErrorFrom({ method, path, response, body: await readJson(response), secrets: this.secrets() }, message);
        }
        if (!("username" in this.#settings.auth)) {
            // A caller's token, rejected: this answer is the error, and what later calls fail with. The token is dropped only
            // once it is recorded, so that a call starting meanwhile meets the token or the rejection, never neither.
            const message = "PEM rejected the token, and the client has no username and password to log in again.";
            const rejected = apiErrorFrom({ method, path, response, body: await readJson(response), secrets: this.secrets() }, message);
            this.#rejected ??= rejected;
            if (this.#current?.value === token)
                this.#current = undefined;
            throw rejected;
        }
        // Only the first 401 for a token drops it; calls that used it too just wait for the new one.
        if (this.#current?.value === token)
            this.#current = undefined;
        await response.body?.cancel();
        this.#settings.logger.info(`PEM: ${method} ${path} answered 401; logging in again and replaying once`);
        return this.#sendingWith(await this.token(call));
    }
    async #login(auth) {
        const { refreshMarginMs, logger } = this.#settings;
        const { response, tokenPath } = await this.#postLogin(auth);
        const issued = response.headers.get("X-Subject-Token");
        const body = await readJson(response);
        // Its body may echo the credentials: they are taken out before it becomes part of an error.
        const answer = { method: "POST", path: tokenPath, response, body, secrets: [auth.password] };
        // 401 and 403 are an AuthenticationError; anything else (PEM answers 503 while its database is down) is the server's failure.
        if (response.status === 401 || response.status === 403) {
            throw apiErrorFrom(answer, `PEM rejected the username or password (POST ${tokenPath} answered HTTP ${response.status}).`);
        }
        if (!response.ok)
            throw apiErrorFrom(answer);
        if (!issued)
            throw new InvalidResponseError("POST", tokenPath, `the login answered HTTP ${response.status} without an X-Subject-Token header`);
        try {
            this.#checkApiVersion(body, tokenPath);
        }
        catch (error) {
            await this.#release(issued).catch(() => undefined);
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
    async #atEachLayout(send, passOver) {
        const candidates = this.#located ? [this.#located] : this.#settings.endpoints;
        for (let index = 0;; index++) {
            const candidate = candidates[index];
            const response = await send(candidate);
            if (index === candidates.length - 1 || !passOver(response))
                return { response, endpoints: candidate };
            await response.body?.cancel();
        }
    }
    /** POST …/token/; the first answer from the token API itself fixes the layout for this client. */
    async #postLogin(credentials) {
        const { fetch, logger, endpoints } = this.#settings;
        const { response, endpoints: answered } = await this.#atEachLayout((candidate) => {
            logger.debug(`PEM: logging in at POST ${candidate.tokenPath}`);
            const request = new Request(candidate.tokenUrl, {
                method: "POST",
                headers: { "Content-Type": "application/json", Accept: "application/json" },
                body: JSON.stringify({ username: credentials.username, password: credentials.password }),
            });
            return fetch(rememberRequest(request, { path: candidate.tokenPath, retrySafe: true }));
        }, notTheTokenApi);
        const { tokenPath } = answered;
        if (!this.#located && isTokenApi(response)) {
            this.#located = answered;
            logger.debug(`PEM: the server's token API answered at ${tokenPath}; using ${answered.baseUrl} for this client's calls`);
        }
        else if (!this.#located && notTheTokenApi(response)) {
            const tried = endpoints.map((e) => e.tokenPath).join(" and ");
            logger.warn(`PEM: no token API answered at ${tried}; set baseUrl (or tokenUrl) to the path your server serves its API under.`);
        }
        return { response, tokenPath };
    }
    #checkApiVersion(body, tokenPath) {
        const { apiVersion, logger } = this.#settings;
        if (!/^v\d+$/.test(apiVersion))
            return;
        const normalize = (v) => v.replace(/^v/i, "");
        const supported = versionList(body, "supported_api_versions", tokenPath);
        const deprecated = versionList(body, "deprecated_api_versions", tokenPath).map(normalize);
        if (supported.length > 0 && !supported.map(normalize).includes(normalize(apiVersion))) {
            this.#unsupported = new UnsupportedApiVersionError(apiVersion, supported);
            throw this.#unsupported;
        }
        if (deprecated.includes(normalize(apiVersion)) && !this.#warnedDeprecated) {
            this.#warnedDeprecated = true;
            logger.warn(`The PEM server marks API ${apiVersion} as deprecated; plan the move to a newer client version.`);
        }
    }
    /** `DELETE …/token/` for a token. */
    async #release(token) {
        const { fetch } = this.#settings;
        // A caller's token on a client that never logged in: its layout is not known yet.
        const { response, endpoints: answered } = await this.#atEachLayout((candidate) => {
            const request = new Request(candidate.tokenUrl, { method: "DELETE", headers: { [PEM_TOKEN_HEADER]: token } });
            return fetch(rememberRequest(request, { path: candidate.tokenPath, evenIfClosed: true }));
        }, isNotHere);
        const { tokenPath } = answered;
        const body = await readJson(response);
        // 401/404: the server no longer knows the token, which is what releasing it wants.
        if (!response.ok && response.status !== 401 && response.status !== 404) {
            throw apiErrorFrom({ method: "DELETE", path: tokenPath, response, body, secrets: [token] });
        }
    }
    /** Releases the current token and the one a login under way is about to bring. */
    async #releaseAll() {
        this.#loggedOut = true;
        const tokens = new Set();
        if (this.#current)
            tokens.add(this.#current.value);
        this.#current = undefined;
        const arriving = this.#pendingLogin ? await this.#pendingLogin.catch(() => undefined) : undefined;
        if (arriving)
            tokens.add(arriving.value);
        // That login stored its token as current; it is released now.
        this.#current = undefined;
        for (const token of tokens)
            await this.#release(token);
        if (tokens.size > 0)
            this.#settings.logger.info("PEM: logged out; token released");
    }
}
function isUsable(token) {
    return token !== undefined && (token.refreshAt === undefined || Date.now() < token.refreshAt);
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

import createFetchClient from "openapi-fetch";
import { createPemSession } from "./auth/pem-token.js";
import { pmmAuthMiddleware, pmmSecrets } from "./auth/pmm-auth.js";
import { redactSecrets } from "./auth/redact.js";
import { resolveBaseUrl, serverUrl } from "./base-url.js";
import { pemEndpointCandidates } from "./auth/pem-location.js";
import { apiErrorFrom, InvalidResponseError } from "./errors.js";
import { resolveLogger } from "./logger.js";
import { assertSafeTransport, credentialHeader, credentialValues } from "./security.js";
import { requestContextMiddleware } from "./transport/request-context.js";
import { resolveMaxResponseBytes } from "./transport/response-body.js";
import { resolveRetryPolicy } from "./transport/retry-policy.js";
import { createTlsTransport } from "./transport/tls-fetch.js";
import { bodyOptions } from "./transport/form-body.js";
import { createTransport, sendWith, sendWithGlobalFetch } from "./transport/transport.js";
import { createValidation, validationMode } from "./validation.js";
const DEFAULT_TIMEOUT_MS = 30_000;
/** setTimeout's longest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const DEFAULT_REFRESH_MARGIN_MS = 60_000;
/** Builds a client from a generated version entry's description and operation table. */
export function createApiClient(api, operations, options) {
    if (!options || typeof options !== "object")
        throw new TypeError("createClient needs an options object with at least `baseUrl`.");
    if (options.tls && options.fetch)
        throw new TypeError("`tls` and `fetch` cannot be combined: configure TLS in your own fetch instead.");
    const logger = resolveLogger(options.logger);
    const given = serverUrl(options.baseUrl, "baseUrl");
    const resolvedBaseUrl = resolveBaseUrl(given, api.basePath);
    // PEM: the layouts its login may find the API under; the first one until a login says otherwise.
    const pemEndpoints = api.auth === "pem-token"
        ? pemEndpointCandidates({
            // The caller's origin, never one parsed back from a URL the base path was joined to.
            origin: given.origin,
            explicitBaseUrl: given.pathname === "/" ? undefined : resolvedBaseUrl,
            tokenUrl: options.tokenUrl === undefined ? undefined : serverUrl(options.tokenUrl, "tokenUrl"),
            specBasePath: api.basePath,
        })
        : undefined;
    const baseUrl = pemEndpoints?.[0].baseUrl ?? resolvedBaseUrl;
    const allowInsecureHttp = options.allowInsecureHttp === true;
    if (options.auth)
        assertSafeTransport(baseUrl, "baseUrl", allowInsecureHttp);
    // Credentials set by hand are credentials too; the transport checks each call's own headers.
    const headerCredential = credentialHeader(options.headers);
    if (headerCredential)
        assertSafeTransport(baseUrl, `the ${headerCredential} header in headers`, allowInsecureHttp);
    const tls = options.tls ? createTlsTransport(options.tls, logger) : undefined;
    const send = options.fetch ? sendWith(options.fetch) : (tls?.send ?? sendWithGlobalFetch);
    const timeoutMs = durationOption("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1);
    let closing;
    const closed = new AbortController();
    const maxResponseBytes = resolveMaxResponseBytes(options.maxResponseBytes);
    const checking = {
        validation: createValidation(api.validators, logger),
        validate: validationMode("validate", options.validate, "off"),
        validateRequests: validationMode("validateRequests", options.validateRequests, "off"),
    };
    const transport = createTransport({ send, timeoutMs, maxResponseBytes, retry: resolveRetryPolicy(options.retry), allowInsecureHttp, logger, closed: closed.signal });
    const fetchClient = createFetchClient({ baseUrl, fetch: transport, ...(options.headers ? { headers: options.headers } : {}) });
    const client = {};
    let logout;
    /** The client's secrets as they are now (a PEM token changes), to take out of every ApiError's body. */
    const fromHeaders = credentialValues(options.headers);
    let secrets = () => fromHeaders;
    if (pemEndpoints) {
        if (options.auth)
            for (const { tokenUrl } of pemEndpoints)
                assertSafeTransport(tokenUrl, "tokenUrl", allowInsecureHttp);
        const session = options.auth
            ? createPemSession({
                auth: options.auth,
                endpoints: pemEndpoints,
                apiVersion: api.version,
                refreshMarginMs: durationOption("refreshMarginMs", options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS, 0),
                timeoutMs,
                fetch: transport,
                logger,
                closed: closed.signal,
            })
            : undefined;
        if (session) {
            fetchClient.use(session.middleware);
            secrets = () => [...fromHeaders, ...session.secrets()];
        }
        logout = () => session?.logout() ?? Promise.resolve();
        client.logout = logout;
    }
    else if (options.auth) {
        fetchClient.use(pmmAuthMiddleware(options.auth));
        const known = [...fromHeaders, ...pmmSecrets(options.auth)];
        secrets = () => known;
    }
    // Closed from the first moment, so that no call logs in again while the token is released.
    const close = () => (closing ??= (async () => {
        closed.abort();
        try {
            await logout?.();
        }
        finally {
            await tls?.close();
        }
    })());
    client.close = close;
    client[Symbol.asyncDispose] = close;
    // Last, so that it sees the request that is actually sent.
    fetchClient.use(requestContextMiddleware);
    const request = parsingJsonHere(fetchClient.request);
    for (const name of ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"])
        client[name] = (path, init) => request(name, path, init);
    client.request = request;
    client.eject = fetchClient.eject;
    // The caller's middleware goes before the runtime's last one, which must see the request that is sent.
    client.use = (...middleware) => {
        fetchClient.eject(requestContextMiddleware);
        fetchClient.use(...middleware, requestContextMiddleware);
    };
    for (const [namespace, methods] of Object.entries(operations)) {
        const group = {};
        for (const [name, operation] of Object.entries(methods)) {
            const call = { operation: `${namespace}.${name}`, method: operation.method, path: operation.path };
            group[name] = operation.noInput
                ? // `(options)`, and the `(undefined, options)` form of methods that take an input.
                    (callOptions, laterOptions) => callOperation(request, secrets, operation, call, checking, undefined, laterOptions ?? callOptions)
                : (input, callOptions) => callOperation(request, secrets, operation, call, checking, input, callOptions);
        }
        client[namespace] = Object.freeze(group);
    }
    return Object.freeze(client);
}
async function callOperation(request, secrets, operation, call, checking, input, callOptions) {
    // Both modes are read before anything is sent: a mistyped one must not fail after a write went through.
    const validateRequest = validationMode("validateRequests", callOptions?.validateRequests, checking.validateRequests);
    const validate = validationMode("validate", callOptions?.validate, checking.validate);
    // Form bodies hold files and are encoded by the runtime: only JSON bodies are checked.
    if (validateRequest !== "off" && input?.body !== undefined && !operation.form)
        await checking.validation.request(call, input.body, validateRequest);
    const { headers: bodyHeaders, ...body } = bodyOptions(operation.form, input?.body);
    const { data, error, response } = await request(operation.method, operation.path, {
        params: { path: input?.path, query: input?.query, header: input?.header },
        ...body,
        parseAs: operation.parseAs ?? "json",
        ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
        ...(bodyHeaders || callOptions?.headers ? { headers: { ...bodyHeaders, ...callOptions?.headers } } : {}),
    });
    if (!response.ok) {
        // A server may echo the request (its headers, the token) in an error body.
        throw apiErrorFrom(operation.method, operation.path, response, redactSecrets(error, secrets()));
    }
    // An empty answer's data is undefined: where the spec gives that status a body, that is drift too.
    if (validate !== "off" && !operation.parseAs)
        await checking.validation.response(call, response.status, data, validate, secrets);
    return data;
}
/**
 * openapi-fetch's `request` with a JSON success answer parsed here instead, so that the
 * answer's malformed body, and only that (not a SyntaxError of the caller's middleware), is an
 * InvalidResponseError. An empty body is `undefined`, as openapi-fetch has it.
 */
function parsingJsonHere(request) {
    return async (method, path, init) => {
        if ((init?.parseAs ?? "json") !== "json")
            return request(method, path, init);
        const result = await request(method, path, { ...init, parseAs: "text" });
        if (!result.response.ok || typeof result.data !== "string")
            return result;
        try {
            return { ...result, data: result.data ? JSON.parse(result.data) : undefined };
        }
        catch {
            throw new InvalidResponseError(method.toUpperCase(), path, "the body of its success answer is not valid JSON");
        }
    };
}
/** A duration option in ms: a finite number from `min` up to what timers can wait (about 24.8 days). */
function durationOption(name, value, min) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
        throw new TypeError(`${name} must be a number of milliseconds from ${min} to ${MAX_TIMER_MS}; got ${String(value)}.`);
    }
    return value;
}

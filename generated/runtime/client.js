import createFetchClient from "openapi-fetch";
import { pemTokenAuth } from "./auth/pem-token.js";
import { pmmAuthMiddleware } from "./auth/pmm-auth.js";
import { defaultTokenUrl, resolveBaseUrl } from "./base-url.js";
import { ApiError } from "./errors.js";
/** Builds a client from a generated version entry's description and operation table. */
export function createApiClient(api, operations, options) {
    if (!options || typeof options !== "object")
        throw new TypeError("createClient needs an options object with at least `baseUrl`.");
    const baseUrl = resolveBaseUrl(options.baseUrl, api.basePath);
    const fetchFn = options.fetch ?? ((request) => globalThis.fetch(request));
    const fetchClient = createFetchClient({ baseUrl, fetch: fetchFn, ...(options.headers ? { headers: options.headers } : {}) });
    if (options.auth) {
        fetchClient.use(api.auth === "pem-token"
            ? pemTokenAuth(options.auth, options.tokenUrl ?? defaultTokenUrl(baseUrl), fetchFn).middleware
            : pmmAuthMiddleware(options.auth));
    }
    const client = {
        GET: fetchClient.GET,
        PUT: fetchClient.PUT,
        POST: fetchClient.POST,
        DELETE: fetchClient.DELETE,
        PATCH: fetchClient.PATCH,
        HEAD: fetchClient.HEAD,
        OPTIONS: fetchClient.OPTIONS,
        request: fetchClient.request,
        use: fetchClient.use,
        eject: fetchClient.eject,
    };
    for (const [namespace, methods] of Object.entries(operations)) {
        const group = {};
        for (const [name, operation] of Object.entries(methods)) {
            group[name] = (input, callOptions) => callOperation(fetchClient, operation, input, callOptions);
        }
        client[namespace] = Object.freeze(group);
    }
    return Object.freeze(client);
}
async function callOperation(fetchClient, operation, input, callOptions) {
    const request = fetchClient.request;
    const { data, error, response } = await request(operation.method, operation.path, {
        params: { path: input?.path, query: input?.query, header: input?.header },
        ...(input?.body !== undefined ? { body: input.body } : {}),
        parseAs: operation.parseAs ?? "json",
        ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
        ...(callOptions?.headers ? { headers: callOptions.headers } : {}),
    });
    if (!response.ok) {
        throw new ApiError({ method: operation.method, path: operation.path, status: response.status, requestId: response.headers.get("x-request-id") ?? undefined, body: error });
    }
    return data;
}

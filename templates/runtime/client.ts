import createFetchClient, { type Client as FetchClient } from "openapi-fetch";
import { pemTokenAuth } from "./auth/pem-token.js";
import { pmmAuthMiddleware } from "./auth/pmm-auth.js";
import { defaultTokenUrl, resolveBaseUrl } from "./base-url.js";
import { ApiError } from "./errors.js";
import type { ApiDescription, CallOptions, ClientOptions, FetchFunction, OperationEntry, OperationTable, PemAuth, PmmAuth } from "./options.js";

/** openapi-fetch's path-based calls, kept with their `{ data, error, response }` contract. */
export type ApiClient<Paths extends {}> = Pick<FetchClient<Paths>, "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "request" | "use" | "eject">;

type Input = { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown>; body?: unknown } | undefined;

/** Builds a client from a generated version entry's description and operation table. */
export function createApiClient(api: ApiDescription, operations: OperationTable, options: ClientOptions<PemAuth | PmmAuth>): object {
  if (!options || typeof options !== "object") throw new TypeError("createClient needs an options object with at least `baseUrl`.");
  const baseUrl = resolveBaseUrl(options.baseUrl, api.basePath);
  const fetchFn: FetchFunction = options.fetch ?? ((request) => globalThis.fetch(request));
  const fetchClient = createFetchClient<Record<string, never>>({ baseUrl, fetch: fetchFn, ...(options.headers ? { headers: options.headers } : {}) });

  if (options.auth) {
    fetchClient.use(
      api.auth === "pem-token"
        ? pemTokenAuth(options.auth as PemAuth, options.tokenUrl ?? defaultTokenUrl(baseUrl), fetchFn).middleware
        : pmmAuthMiddleware(options.auth as PmmAuth),
    );
  }

  const client: Record<string, unknown> = {
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
    const group: Record<string, unknown> = {};
    for (const [name, operation] of Object.entries(methods)) {
      group[name] = (input?: Input, callOptions?: CallOptions) => callOperation(fetchClient, operation, input, callOptions);
    }
    client[namespace] = Object.freeze(group);
  }
  return Object.freeze(client);
}

async function callOperation(fetchClient: FetchClient<Record<string, never>>, operation: OperationEntry, input: Input, callOptions: CallOptions | undefined): Promise<unknown> {
  const request = fetchClient.request as unknown as (method: string, path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
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

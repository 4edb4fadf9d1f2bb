import createFetchClient from "openapi-fetch";
import { authMiddleware } from "./auth/auth-middleware.js";
import { type ClientAuth, loginKind } from "./auth/login-kinds.js";
import { resolveBaseUrl, serverUrl } from "./base-url.js";
import { directRequest } from "./direct-request.js";
import { resolveLogger } from "./logger.js";
import { bindMethods } from "./method-binding.js";
import { checkClientOptions } from "./option-checks.js";
import type { ApiDescription, ClientOptions, OperationTable } from "./options.js";
import { registerPathClient } from "./path-client.js";
import { assertSafeCredentials, credentialValues } from "./security.js";
import { type ClientTransport, createClientTransport } from "./transport/client-transport.js";
import { requestContextMiddleware } from "./transport/request-context.js";
import { createValidation, validationMode } from "./validation.js";

// `Symbol.asyncDispose` is declared here as TypeScript's esnext.disposable library declares it,
// so that consumers compiling without that library can still type-check this package.
declare global {
  interface SymbolConstructor {
    readonly asyncDispose: unique symbol;
  }
}

/** The end of a client: `await client.close()`, or `await using client = …`. */
export interface ClientLifecycle {
  /** Releases what the client holds: a PEM token (as `logout()` does) and its own TLS connections. Calls after it fail. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** A PEM client's token session: `await client.logout()`; `close()` and `await using` log out too. */
export interface PemSession extends ClientLifecycle {
  /** Releases the token (`DELETE …/token/`). Later calls log in again. */
  logout(): Promise<void>;
}

/**
 * Builds a client from a generated version entry's description and operation table: its
 * transport (transport/client-transport.ts), its authentication (the login kind the entry
 * names, auth/login-kinds.ts), its methods (method-binding.ts, direct-request.ts), and its
 * path calls, which the version entry's `pathClient` hands out (path-client.ts).
 *
 * @throws {TypeError} options that are missing, unknown, out of range or unsafe (credentials over
 * plain http://), and an `auth` of no shape the API's login kind takes.
 */
export function createApiClient(api: ApiDescription, operations: OperationTable, options: ClientOptions<unknown>): object {
  if (!options || typeof options !== "object") throw new TypeError("createClient needs an options object with at least `baseUrl`.");
  const kind = loginKind(api.auth);
  checkClientOptions(options, kind);
  if (options.tls && options.fetch) throw new TypeError("`tls` and `fetch` cannot be combined: configure TLS in your own fetch instead.");
  const logger = resolveLogger(options.logger);
  const given = serverUrl(options.baseUrl, "baseUrl");
  const login = kind.plan({ api, options, given, resolvedBaseUrl: resolveBaseUrl(given, api.basePath) });
  const { baseUrl } = login;
  assertSafeCredentials(baseUrl, options);

  const transport = createClientTransport(options, logger);
  const checking = {
    validation: createValidation(api.validators, logger),
    validate: validationMode("validate", options.validate, "off"),
    validateRequests: validationMode("validateRequests", options.validateRequests, "off"),
  };
  const fetchClient = createFetchClient<Record<string, never>>({ baseUrl, fetch: transport.fetch, ...(options.headers ? { headers: options.headers } : {}) });
  const auth = login.start({ fetch: transport.fetch, timeoutMs: transport.timeoutMs, logger, closed: transport.closed });
  if (auth.credentials) fetchClient.use(authMiddleware({ ...auth, credentials: auth.credentials }, baseUrl));
  // Last, so that it sees the request that is actually sent.
  fetchClient.use(requestContextMiddleware);
  // Credential headers the caller set by hand in `headers`.
  const fromHeaders = credentialValues(options.headers);
  /** The client's secrets as they are now (a PEM token changes), to take out of every error. */
  const secrets = () => [...fromHeaders, ...auth.secrets()];

  const client: Record<string | symbol, unknown> = {};
  if (auth.logout) client.logout = auth.logout;
  const close = closeOnce(transport, auth);
  client.close = close;
  client[Symbol.asyncDispose] = close;
  const direct = directRequest({ baseUrl, headers: options.headers, auth, transport });
  const pathCalls = bindMethods(client, operations, { fetchClient, lastMiddleware: requestContextMiddleware, direct, secrets, checking });
  registerPathClient(client, api, pathCalls);
  return Object.freeze(client);
}

/**
 * The client's `close()`: the first call stops the transport, logs out and closes the client's
 * own connections; every call returns that one promise. Stopped from the first moment, so
 * that no call logs in again while the token is released.
 */
function closeOnce(transport: ClientTransport, auth: ClientAuth): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      transport.stop();
      try {
        await auth.logout?.();
      } finally {
        await transport.closeConnections();
      }
    })());
}

/** PEM: log in with a user's credentials, or use a token obtained elsewhere. */
export type PemAuth = { username: string; password: string } | { token: string };

/** PMM: a service-account token or API key as a bearer token, HTTP basic, or an API key in basic form. */
export type PmmAuth = { token: string } | { username: string; password: string } | { apiKey: string };

/** A `fetch` that takes a `Request`, as openapi-fetch calls it. */
export type FetchFunction = (request: Request) => Promise<Response>;

export interface ClientOptions<Auth> {
  /**
   * The server. An origin alone (`https://pem.example.com`) means origin + the spec's base
   * path (`/api/v10`); a URL with a path (`https://pem.example.com/pem/api/v10`) is used as given.
   */
  baseUrl: string;
  /** Credentials; see the API's auth type. Never logged, never part of an error. */
  auth?: Auth;
  /** PEM only: the token API's URL, when it is not the base URL's `…/api/token/`. */
  tokenUrl?: string;
  /** Replaces the global `fetch` (for tests, proxies, instrumentation). */
  fetch?: FetchFunction;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** Per-call options of the generated methods. */
export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** What a generated version entry tells the runtime about its API. */
export interface ApiDescription {
  api: string;
  version: string;
  basePath: string;
  auth: "pem-token" | "pmm";
}

export interface OperationEntry {
  method: string;
  path: string;
  parseAs?: "text" | "blob";
}

/** namespace → method name → operation. */
export type OperationTable = Record<string, Record<string, OperationEntry>>;

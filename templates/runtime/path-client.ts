import type { Client as FetchClient } from "openapi-fetch";
import type { ApiDescription } from "./options.js";

/**
 * openapi-fetch's calls on the spec's paths (`GET`, …, `request`) with their
 * `{ data, error, response }` contract, and its middleware (`use`, `eject`), which the
 * client's methods go through too once any is registered (method-binding.ts).
 *
 * Kept out of the client's own type, in each version's `paths` entry: openapi-fetch's
 * declarations cost a consumer that checks them (`skipLibCheck: false`) more than all of ours,
 * and a program that calls only the methods should not pay for them.
 */
export type PathClient<Paths extends {}> = Pick<FetchClient<Paths>, (typeof PATH_METHODS)[number] | "request" | "use" | "eject">;

/** openapi-fetch's calls named after an HTTP method. */
export const PATH_METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;

/** Each client createApiClient made → its API and its path calls. A WeakMap: a client is never kept alive by it. */
const PATH_CLIENTS = new WeakMap<object, { api: ApiDescription; calls: object }>();

/** Records the path calls of a client that createApiClient made for `api`. */
export function registerPathClient(client: object, api: ApiDescription, calls: object): void {
  PATH_CLIENTS.set(client, { api, calls });
}

/**
 * A version entry's `pathClient(client)`: the path calls of a client of that entry's API version.
 *
 * @throws {TypeError} anything other than a client made by createClient, or a client of another
 * API or version (whose paths differ).
 */
export function pathClientOf(api: ApiDescription, client: unknown): object {
  const entry = typeof client === "object" && client !== null ? PATH_CLIENTS.get(client) : undefined;
  if (!entry) throw new TypeError(`pathClient takes a client that createClient made for ${label(api)}; got ${described(client)}.`);
  if (label(entry.api) !== label(api)) {
    throw new TypeError(
      `pathClient of ${label(api)} was given a client of ${label(entry.api)}: use the pathClient of the paths module beside the entry that made it.`,
    );
  }
  return entry.calls;
}

/** `PMM API v3`. */
function label(api: ApiDescription): string {
  return `${api.api.toUpperCase()} API ${api.version}`;
}

function described(value: unknown): string {
  if (value === null) return "null";
  // A client of another installed copy of the package is recorded by that copy's runtime only.
  return typeof value === "object" ? "an object that no createClient of this copy of the package made" : typeof value;
}

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
export declare const PATH_METHODS: readonly ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];
/** Records the path calls of a client that createApiClient made for `api`. */
export declare function registerPathClient(client: object, api: ApiDescription, calls: object): void;
/**
 * A version entry's `pathClient(client)`: the path calls of a client of that entry's API version.
 *
 * @throws {TypeError} anything other than a client made by createClient, or a client of another
 * API or version (whose paths differ).
 */
export declare function pathClientOf(api: ApiDescription, client: unknown): object;

import type { Middleware } from "openapi-fetch";
import type { PmmAuth } from "../options.js";
/** PMM: one `Authorization` header per client, computed once. */
export declare function pmmAuthMiddleware(auth: PmmAuth): Middleware;
/** What a PMM answer may echo of the credentials, to take out of error bodies: the header's encoded part and what the caller gave. */
export declare function pmmSecrets(auth: PmmAuth): string[];

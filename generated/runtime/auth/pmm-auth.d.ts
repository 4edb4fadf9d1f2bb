import type { Middleware } from "openapi-fetch";
import type { PmmAuth } from "../options.js";
/** PMM: one `Authorization` header per client, computed once. */
export declare function pmmAuthMiddleware(auth: PmmAuth): Middleware;

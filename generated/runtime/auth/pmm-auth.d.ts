import type { PmmAuth } from "../options.js";
import type { Credentials } from "./login-kinds.js";
/** PMM: one `Authorization` header per client, computed once. */
export declare function pmmCredentials(auth: PmmAuth): Credentials;
/** What a PMM answer may echo of the credentials, to take out of error bodies: the header's encoded part and what the caller gave. */
export declare function pmmSecrets(auth: PmmAuth): string[];

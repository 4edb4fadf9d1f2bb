import type { Logger } from "../logger.js";
import type { SendAttempt } from "./transport.js";
/**
 * Follows redirects within the request's origin only. Requests carry credentials
 * (`X-Auth-Token`, `Authorization`) that fetch would forward to any origin a redirect
 * names, so a redirect elsewhere is not followed: its response goes back to the caller.
 */
export declare function followSameOriginRedirects(send: SendAttempt, logger: Required<Logger>): SendAttempt;

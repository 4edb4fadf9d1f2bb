import type { Logger } from "../logger.js";
import type { FetchFunction } from "../options.js";
import { type RetryPolicy } from "./retry-policy.js";
export interface TransportSettings {
    fetch: FetchFunction;
    timeoutMs: number;
    retry: RetryPolicy;
    logger: Required<Logger>;
}
/**
 * The `fetch` under openapi-fetch: a deadline per call (retries included, combined with the
 * caller's signal), retries with backoff for network errors and 429/502/503/504, and typed
 * errors. The body is buffered once so that every attempt can send it again.
 */
export declare function createTransport(settings: TransportSettings): FetchFunction;

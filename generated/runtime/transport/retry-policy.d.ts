import type { RetryOptions } from "../options.js";
export type RetryPolicy = Required<RetryOptions>;
export declare const DEFAULT_RETRY: RetryPolicy;
export declare const NO_RETRY: RetryPolicy;
export declare function resolveRetryPolicy(option: RetryOptions | false | undefined): RetryPolicy;
export declare function mayRetry(method: string, policy: RetryPolicy, retrySafe: boolean | undefined): boolean;
export declare function isRetryStatus(status: number): boolean;
/** Exponential backoff with full jitter: a random delay up to min(max, min·2^attempt). */
export declare function backoffDelay(attempt: number, policy: RetryPolicy, random?: () => number): number;
/** `Retry-After` as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export declare function retryAfterDelay(header: string | null, now?: number): number | undefined;

import type { RetryOptions } from "../options.js";

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, minDelayMs: 250, maxDelayMs: 5000, maxRetryAfterMs: 30_000, retryNonIdempotent: false };
export const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY, retries: 0 };

/** Statuses that mean "try again later": rate limits and an unavailable backend (PEM's 503). */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export function resolveRetryPolicy(option: RetryOptions | false | undefined): RetryPolicy {
  if (option === false) return NO_RETRY;
  const policy = { ...DEFAULT_RETRY, ...option };
  for (const key of ["retries", "minDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    if (!Number.isFinite(policy[key]) || policy[key] < 0) throw new TypeError(`retry.${key} must be a number ≥ 0; got ${String(policy[key])}.`);
  }
  return policy;
}

export function mayRetry(method: string, policy: RetryPolicy, retrySafe: boolean | undefined): boolean {
  return retrySafe ?? (IDEMPOTENT_METHODS.has(method) || policy.retryNonIdempotent);
}

export function isRetryStatus(status: number): boolean {
  return RETRY_STATUSES.has(status);
}

/** Exponential backoff with full jitter: a random delay up to min(max, min·2^attempt). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/** `Retry-After` as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterDelay(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

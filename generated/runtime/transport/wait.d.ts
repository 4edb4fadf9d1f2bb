/** A signal that ends a wait early, and what the wait then rejects with. */
export interface Stop {
    signal: AbortSignal;
    reason: () => unknown;
}
/**
 * Settles with `promise` (when given) unless `ms` pass first, when `onTimer` decides: it
 * returns the value to resolve with or throws the error to reject with. Any of `stops` that
 * aborts ends the wait at once. The pause between attempts (no promise, resolves on the
 * timer) and the wait for a shared PEM login (rejects on the timer) are both such waits; a
 * login given up on goes on for whoever else waits for it.
 */
export declare function waitFor<T>(promise: Promise<T> | undefined, ms: number, onTimer: () => T, stops: readonly Stop[]): Promise<T>;

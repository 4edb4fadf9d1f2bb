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
export function waitFor<T>(promise: Promise<T> | undefined, ms: number, onTimer: () => T, stops: readonly Stop[]): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    const listeners = stops.map(({ signal, reason }) => ({ signal, listener: () => finish(() => reject(reason())) }));
    // The first outcome wins; later ones (a login that ends after its waiter gave up) change nothing.
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const { signal, listener } of listeners) signal.removeEventListener("abort", listener);
      settle();
    };
    const timer = setTimeout(
      () =>
        finish(() => {
          try {
            resolve(onTimer());
          } catch (error) {
            reject(error);
          }
        }),
      Math.max(0, ms),
    );
    promise?.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
    const stopped = stops.find(({ signal }) => signal.aborted);
    if (stopped) return finish(() => reject(stopped.reason()));
    for (const { signal, listener } of listeners) signal.addEventListener("abort", listener, { once: true });
  });
}

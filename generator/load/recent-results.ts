/**
 * The last few results of a costly step, by a key naming everything the result is made of. A
 * process that loads the same spec again (a script that generates, then diffs; the test suite's
 * CLI runs, which share one process) then parses, checks and converts it once. Bounded, so a
 * long-lived process keeps at most `capacity` results; a failure is never kept.
 */
export class RecentResults<Value> {
  private readonly entries = new Map<string, Promise<Value>>();

  constructor(private readonly capacity: number) {}

  get(key: string, make: () => Promise<Value>): Promise<Value> {
    const known = this.entries.get(key);
    if (known) {
      // Most recently used last: the first entry is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const made = make();
    this.entries.set(key, made);
    made.catch(() => this.entries.get(key) === made && this.entries.delete(key));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }
}

/**
 * Freezes `value` and everything it holds, so that no holder of a shared result can change it for
 * the others. An object frozen already is taken to be frozen through, as this function leaves
 * what it freezes: a comparison of two kept models does not walk the models again.
 */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== "object" || seen.has(value) || Object.isFrozen(value)) return value;
  seen.add(value);
  for (const child of Object.values(value)) deepFreeze(child, seen);
  return Object.freeze(value);
}

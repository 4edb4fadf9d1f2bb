/** setTimeout's longest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * A duration option in ms: a finite number from `min` up to what timers can wait (about 24.8 days).
 *
 * @throws {TypeError} anything else.
 */
export function durationOption(name, value, min) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
        throw new TypeError(`${name} must be a number of milliseconds from ${min} to ${MAX_TIMER_MS}; got ${String(value)}.`);
    }
    return value;
}

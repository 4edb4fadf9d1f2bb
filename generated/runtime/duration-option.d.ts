/**
 * A duration option in ms: a finite number from `min` up to what timers can wait (about 24.8 days).
 *
 * @throws {TypeError} anything else.
 */
export declare function durationOption(name: string, value: number, min: number): number;

/**
 * The accepted name closest to a mistyped one (`timeout` → `timeoutMs`, `tokn` → `token`), as
 * a sentence to append to an error, or "" when none is close enough to be a likely typo.
 */
export declare function didYouMean(given: string, accepted: readonly string[]): string;
/** `a, b or c`: names as an error lists them. */
export declare function nameList(names: readonly string[], last?: string): string;

/** Receives what the runtime does. Messages never contain credentials or tokens. */
export interface Logger {
    debug?(message: string): void;
    info?(message: string): void;
    /** `details`, when given, is the same report as fields (response validation's operation, status, pointer, expected, received). */
    warn?(message: string, details?: Record<string, unknown>): void;
}
export declare function resolveLogger(logger: Logger | undefined): Required<Logger>;

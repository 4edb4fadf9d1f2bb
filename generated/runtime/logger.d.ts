/** Receives what the runtime does. Messages never contain credentials or tokens. */
export interface Logger {
    debug?(message: string): void;
    info?(message: string): void;
    warn?(message: string): void;
}
export declare function resolveLogger(logger: Logger | undefined): Required<Logger>;

/** What a login kind adds to the options every client takes. */
export interface KindOptions {
    /** The options only clients of this kind take (PEM's `tokenUrl`). */
    optionNames: readonly string[];
    /** The shapes `auth` may take (auth/auth-shapes.ts). */
    authShapes: readonly (readonly string[])[];
}
/**
 * @throws {TypeError} an option name that no client of this kind takes, or an `auth` that is
 * not one of the kind's shapes with a non-empty string for each key. Never quotes a value.
 */
export declare function checkClientOptions(options: object, kind: KindOptions): void;

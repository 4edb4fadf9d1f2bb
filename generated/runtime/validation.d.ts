import type { Logger } from "./logger.js";
import type { ValidationMode, ValidatorModule } from "./options.js";
/** A validation option's value: "off", "warn" or "strict" (undefined: `fallback`). */
export declare function validationMode(name: string, value: unknown, fallback: ValidationMode): ValidationMode;
/** What a checked call is: its method's name (`nodes.listNodes`), HTTP method and path template. */
export interface CheckedCall {
    operation: string;
    method: string;
    path: string;
}
export interface Validation {
    /**
     * Checks a success answer's parsed body; "strict" throws ResponseValidationError with the body
     * less the client's `secrets` (as ApiError's: an answer may echo the request), "warn" logs.
     */
    response(call: CheckedCall, status: number, body: unknown, mode: ValidationMode, secrets: () => readonly string[]): Promise<void>;
    /** Checks a JSON request body before it is sent; "strict" throws RequestValidationError, "warn" logs (the client's secrets taken out of both). */
    request(call: CheckedCall, body: unknown, mode: ValidationMode, secrets: () => readonly string[]): Promise<void>;
}
/**
 * One client's validation: the version's validators are imported on the first validated call,
 * and "warn" reports each operation and place (array positions and map members aside) once for the life of the client.
 */
export declare function createValidation(load: (() => Promise<ValidatorModule>) | undefined, logger: Required<Logger>): Validation;

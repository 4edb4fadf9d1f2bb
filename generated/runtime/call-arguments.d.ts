import type { CallOptions } from "./options.js";
/** A generated method's input: its parameters by location, and its body. */
export type Input = {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
    body?: unknown;
} | undefined;
/** The call options' names, as errors list them. */
export declare const CALL_OPTION_KEYS: readonly string[];
/**
 * A method's arguments as its input and its call options. Typed callers pass
 * `(input?, options?)`, or `(options?)` to a method that takes no input (`(undefined,
 * options)` works too). JavaScript callers also pass options first to a method whose input is
 * optional (`pmm.server.version({ signal })`): an object of call options alone is taken as
 * the call options, since no input has their names (`path`, `query`, `header`, `body`).
 *
 * @throws {TypeError} call options that would otherwise be ignored: in an input beside other
 * properties, or first when options come second as well; and call options alone, first, to a
 * method whose input is required (the request would go out without it); call options that
 * are not an object, or have a name no call option has.
 */
export declare function callArguments(operation: string, input: "none" | "optional" | "required", first: unknown, second: CallOptions | undefined): {
    input: Input;
    callOptions: CallOptions | undefined;
};

import { didYouMean, nameList } from "./nearest-name.js";
/** The name of every call option; typed against CallOptions, so that a new option cannot be missed. None is also an input's name. */
const CALL_OPTION_NAMES = { signal: true, headers: true, validate: true, validateRequests: true };
const isCallOption = (name) => Object.hasOwn(CALL_OPTION_NAMES, name);
/** The call options' names, as errors list them. */
export const CALL_OPTION_KEYS = Object.keys(CALL_OPTION_NAMES);
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
export function callArguments(operation, input, first, second) {
    const read = readArguments(operation, input, first, second);
    checkCallOptions(operation, read.callOptions);
    return read;
}
function readArguments(operation, input, first, second) {
    const names = first && typeof first === "object" && !Array.isArray(first) ? Object.keys(first) : [];
    const optionNames = names.filter(isCallOption);
    if (input === "none") {
        if (second !== undefined && optionNames.length > 0) {
            throw new TypeError(`${operation} takes no input, and was given call options twice; pass them once, as its only argument.`);
        }
        return { input: undefined, callOptions: second ?? first };
    }
    if (optionNames.length === 0)
        return { input: first, callOptions: second };
    if (second === undefined && optionNames.length === names.length) {
        if (input === "required") {
            throw new TypeError(`${operation} needs its input (path, query, header, body) first, and was given only call options (${optionNames.join(", ")}): ${operation}(input, options).`);
        }
        return { input: undefined, callOptions: first };
    }
    throw new TypeError(`${operation}: its first argument is its input (path, query, header, body), but it holds call options (${optionNames.join(", ")}); pass them as the second argument: ${operation}(input, options).`);
}
/** Unknown call options would be ignored without a word (`timeout`, `header`): they are refused instead. */
function checkCallOptions(operation, options) {
    if (options === undefined || options === null)
        return;
    if (typeof options !== "object" || Array.isArray(options)) {
        throw new TypeError(`${operation}: its call options must be an object of ${nameList(CALL_OPTION_KEYS, "and")}.`);
    }
    for (const key of Object.keys(options)) {
        if (!isCallOption(key)) {
            throw new TypeError(`${operation}: there is no call option \`${key}\`; they are ${nameList(CALL_OPTION_KEYS, "and")}.${didYouMean(key, CALL_OPTION_KEYS)}`);
        }
    }
}

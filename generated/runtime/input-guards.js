import { CALL_OPTION_KEYS } from "./call-arguments.js";
import { didYouMean, nameList } from "./nearest-name.js";
/*
 * What a JavaScript caller can get wrong in a call's input, refused before anything is sent.
 * TypeScript callers meet the same rules in the types; these guards are for everyone else, and
 * for the path values no type can rule out: "" and dot segments, which the URL would resolve
 * onto another operation's path (`DELETE /agent/job/../123` is `DELETE /agent/123`).
 */
const INPUT_PARTS = ["path", "query", "header", "body"];
const PARAMETER_PLACEHOLDER = /\{([^}]+)\}/g;
/** Every `{name}` of a path template, in order. */
export function pathParameterNames(template) {
    return [...template.matchAll(PARAMETER_PLACEHOLDER)].map((match) => match[1]);
}
/**
 * Checks a generated method's input against its operation: its parts, every path value, and
 * the query and header parameters and body the operation requires.
 *
 * @throws {TypeError} an input that is not an object of path, query, header and body; a path
 * value that is missing, empty or a dot segment; a required parameter or body that is missing.
 */
export function checkInput(method, entry, pathNames, input) {
    if (input !== undefined && input !== null)
        checkParts(method, input);
    checkPathValues(method, pathNames, input?.path);
    for (const location of ["query", "header"]) {
        for (const name of entry.required?.[location] ?? []) {
            const value = input?.[location]?.[name];
            if (value === undefined || value === null) {
                throw new TypeError(`${method} needs ${location}.${name}, and was given ${describeGiven(input?.[location])}; nothing was sent.`);
            }
        }
    }
    if (entry.required?.body && input?.body === undefined) {
        throw new TypeError(`${method} needs a body, and was given none; nothing was sent.`);
    }
}
/**
 * Checks the values a call puts into its path template. `label` names the call in the error
 * (`nodes.getNode`, or `GET /v1/inventory/nodes/{node_id}` for openapi-fetch's calls).
 *
 * @throws {TypeError} a value that is missing, empty, not a string or number, or a dot segment.
 */
export function checkPathValues(label, pathNames, values) {
    if (pathNames.length === 0)
        return;
    if (values !== undefined && (values === null || typeof values !== "object" || Array.isArray(values))) {
        throw new TypeError(`${label}: \`path\` must be an object of its path parameters (${nameList(pathNames, "and")}).`);
    }
    const given = (values ?? {});
    for (const name of pathNames) {
        const value = Object.hasOwn(given, name) ? given[name] : undefined;
        if (value === undefined || value === null) {
            const others = Object.keys(given).filter((key) => !pathNames.includes(key));
            const hint = others.length > 0 ? ` (it has ${nameList(others, "and")}).${didYouMean(others[0], [name])}` : ".";
            throw new TypeError(`${label} needs path.${name}, and was given none${hint} Nothing was sent.`);
        }
        const text = pathText(value);
        if (text === undefined) {
            throw new TypeError(`${label}: path.${name} must be a string or a finite number, not ${describeValue(value)}; nothing was sent.`);
        }
        if (text === "") {
            throw new TypeError(`${label}: path.${name} is empty, which would send the call to another path; nothing was sent.`);
        }
        if (isDotSegment(text)) {
            throw new TypeError(`${label}: path.${name} is ${JSON.stringify(text)}, a dot segment that the URL would resolve onto another path; nothing was sent.`);
        }
    }
}
/** An input's own parts, and each parameter location an object. */
function checkParts(method, input) {
    if (typeof input !== "object" || Array.isArray(input)) {
        throw new TypeError(`${method}: its input must be an object of ${nameList(INPUT_PARTS, "and")}, not ${describeValue(input)}.`);
    }
    for (const key of Object.keys(input)) {
        if (!INPUT_PARTS.includes(key)) {
            // openapi-fetch's own calls take `params`: a common slip when moving to the methods.
            const hint = key === "params"
                ? " The methods take path, query and header at the top level, not under `params`."
                : didYouMean(key, [...INPUT_PARTS, ...CALL_OPTION_KEYS]);
            throw new TypeError(`${method}: its input takes ${nameList(INPUT_PARTS)}, and was given \`${key}\`.${hint}`);
        }
    }
    for (const location of ["path", "query", "header"]) {
        const part = input[location];
        if (part !== undefined && (part === null || typeof part !== "object" || Array.isArray(part))) {
            throw new TypeError(`${method}: \`${location}\` must be an object of parameters, not ${describeValue(part)}.`);
        }
    }
}
/** The text a path value becomes before it is percent-encoded, or undefined for a value that has none. */
function pathText(value) {
    if (typeof value === "string")
        return value;
    if (typeof value === "number")
        return Number.isFinite(value) ? String(value) : undefined;
    if (typeof value === "bigint" || typeof value === "boolean")
        return String(value);
    // An array is sent as its items joined by commas (style: simple).
    if (Array.isArray(value)) {
        const items = value.map(pathText);
        return items.every((item) => item !== undefined) ? items.join(",") : undefined;
    }
    return undefined;
}
/** `.` or `..`, also once or more percent-encoded (`%2e%2E`, `%252e`), which servers decode back. */
function isDotSegment(text) {
    let form = text;
    for (let round = 0; round < 4; round++) {
        if (form === "." || form === "..")
            return true;
        let decoded;
        try {
            decoded = decodeURIComponent(form);
        }
        catch {
            return false;
        }
        if (decoded === form)
            return false;
        form = decoded;
    }
    return form === "." || form === "..";
}
function describeGiven(part) {
    if (part === undefined)
        return "none";
    const keys = part && typeof part === "object" ? Object.keys(part) : [];
    return keys.length > 0 ? `only ${nameList(keys, "and")}` : "none";
}
/** A value's kind for an error; never the value itself, which may be anything. */
function describeValue(value) {
    if (value === null)
        return "null";
    if (Array.isArray(value))
        return "an array";
    if (typeof value === "number")
        return String(value);
    return `a${/^[aeiou]/.test(typeof value) ? "n" : ""} ${typeof value}`;
}

import { redactSecrets, textRedactor } from "./auth/redact.js";
import { printable, printedPointer, RequestValidationError, ResponseValidationError } from "./errors.js";
const MODES = ["off", "warn", "strict"];
/** A validation option's value: "off", "warn" or "strict" (undefined: `fallback`). */
export function validationMode(name, value, fallback) {
    if (value === undefined)
        return fallback;
    if (typeof value !== "string" || !MODES.includes(value))
        throw new TypeError(`${name} must be "off", "warn" or "strict"; got ${typeof value === "string" ? JSON.stringify(value) : typeof value}.`);
    return value;
}
/** How many places "warn" remembers per client; past it the oldest are forgotten, so a long-lived client's memory stays bounded. */
const MAX_REPORTED = 1000;
/**
 * One client's validation: the version's validators are imported on the first validated call,
 * and "warn" reports each operation and place (array positions and map members aside) once for the life of the client.
 */
export function createValidation(load, logger) {
    let loaded;
    const reported = new Set();
    const validators = () => (loaded ??= load ? load() : Promise.resolve({ responses: {}, requests: {} }));
    let loadFailureLogged = false;
    /** The validators; with "warn", a module that cannot be imported is logged once and checks nothing, since "warn" never fails a call. */
    const checks = async (mode) => {
        try {
            return await validators();
        }
        catch (error) {
            if (mode === "strict")
                throw error;
            if (!loadFailureLogged) {
                loadFailureLogged = true;
                logger.warn(`validators.js could not be imported, so "warn" checks nothing for this client: ${error instanceof Error ? error.message : String(error)}`, { error });
            }
            return { responses: {}, requests: {} };
        }
    };
    const warn = (call, what, found, status) => {
        for (const { place, ...problem } of found) {
            // A list or a map keyed by ids whose every member drifts the same way warns once.
            const key = `${what} ${call.operation} ${place ?? problem.pointer}`;
            if (reported.has(key))
                continue;
            if (reported.size >= MAX_REPORTED)
                reported.delete(reported.values().next().value);
            reported.add(key);
            const details = { operation: call.operation, method: call.method, path: call.path, ...(status === undefined ? {} : { status }), ...problem };
            logger.warn(`${call.method} ${call.path} (${call.operation}): ${what} disagrees with the spec at ${printedPointer(problem.pointer)}: expected ${problem.expected}, received ${printable(problem.received)}. Not reported again for this client.`, details);
        }
    };
    return {
        async response(call, status, body, mode, secrets) {
            const byStatus = own((await checks(mode)).responses, call.operation);
            // The spec lists a status as itself or as a range (`2XX`); one it does not list has no schema to check against.
            const check = byStatus && (own(byStatus, String(status)) ?? own(byStatus, `${String(status)[0]}XX`));
            if (!check)
                return;
            // A problem quotes the server's data (a value outside an enum, a map key): an echoed secret is taken out of it too.
            const problems = quoted(run(check, body), secrets());
            // A schema that allows any value still promises a body.
            if (body === undefined && problems.length === 0)
                problems.push({ pointer: "", expected: "a body", received: "nothing" });
            if (problems.length === 0)
                return;
            if (mode === "strict")
                throw new ResponseValidationError({ ...call, status, problems: problems.map(exact), body: redactSecrets(body, secrets()) });
            warn(call, `the ${status} answer`, problems, status);
        },
        async request(call, body, mode, secrets) {
            const check = own((await checks(mode)).requests, call.operation);
            if (!check)
                return;
            const problems = quoted(run(check, body), secrets());
            if (problems.length === 0)
                return;
            if (mode === "strict")
                throw new RequestValidationError({ ...call, problems: problems.map(exact) });
            warn(call, "the request body", problems);
        },
    };
}
/**
 * The problems as errors and logs quote them: the client's secrets taken out, then each quoted
 * value made printable() (64 characters; validators.js bounds it less tightly, before redaction).
 */
function quoted(found, secrets) {
    // Building the redactor costs more than checking a 100-item answer: only a problem needs it.
    if (found.length === 0)
        return found;
    const text = textRedactor(secrets);
    return found.map((problem) => ({
        ...problem,
        pointer: text(problem.pointer),
        received: printable(text(problem.received)),
        ...(problem.place === undefined ? {} : { place: text(problem.place) }),
    }));
}
/** A problem as errors and warnings carry it: without the place "warn" counts by. */
function exact({ pointer, expected, received }) {
    return { pointer, expected, received };
}
function own(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}
/** Runs a check; a body nested deeper than the stack allows (only a recursive schema lets it) is one problem, not a crash. */
function run(check, body) {
    const problems = [];
    try {
        check(body, problems);
    }
    catch (error) {
        if (!(error instanceof RangeError))
            throw error;
        problems.push({ pointer: "", expected: "a body nested less deeply", received: "a body too deeply nested to check" });
    }
    return problems;
}

// Errors the CLI reports as one clear paragraph (no stack trace).
/** The command line was wrong: reported with a pointer to --help, exit 2. */
export class UsageError extends Error {
    name = "UsageError";
}
/** An input file was wrong: names the file and, where known, the JSON pointer, then what to do; exit 1. */
export class SpecError extends Error {
    file;
    pointer;
    problem;
    remedy;
    name = "SpecError";
    constructor(file, pointer, problem, remedy) {
        super(`${printable(file)}${pointer !== undefined ? ` at ${printable(pointer || "/")}` : ""}: ${problem} ${remedy}`.trim());
        this.file = file;
        this.pointer = pointer;
        this.problem = problem;
        this.remedy = remedy;
    }
}
/** A key or file name made safe to print: control characters (escape sequences, line breaks) are written as `\u001b`. */
function printable(text) {
    return text.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

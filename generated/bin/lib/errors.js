// Errors the CLI reports as one clear paragraph (no stack trace).
import { printable } from "./printable.js";
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

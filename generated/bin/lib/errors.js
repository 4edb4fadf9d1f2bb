/**
 * Errors the CLI reports as one clear paragraph (no stack trace).
 * `UsageError` means the command line was wrong (exit 2); `SpecError` means an input
 * file was wrong (exit 1) and names the file and, where known, the JSON pointer.
 */
export class UsageError extends Error {
    name = "UsageError";
}
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
/** Escapes one JSON pointer token (RFC 6901). */
export function pointerToken(token) {
    return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}
/** Unescapes one JSON pointer token (RFC 6901): `~1` → `/`, `~0` → `~`. */
export function unescapePointerToken(token) {
    return token.replaceAll("~1", "/").replaceAll("~0", "~");
}
export function jsonPointer(tokens) {
    return tokens.map((t) => `/${pointerToken(t)}`).join("");
}

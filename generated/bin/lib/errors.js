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
/**
 * The value a local `$ref` (`#/components/schemas/Node`, a URI fragment) points at, through
 * the document's own members only: an inherited name such as `constructor` finds nothing.
 */
export function followPointer(document, ref) {
    return valueAt(document, ref === "#" ? [] : ref.replace(/^#\//, "").split("/").map((token) => unescapePointerToken(decodeFragment(token))));
}
/** The value at a JSON pointer's tokens (unescaped), through the document's own members only. */
export function valueAt(document, tokens) {
    let node = document;
    for (const token of tokens) {
        if (node === null || typeof node !== "object" || !Object.hasOwn(node, token))
            return undefined;
        node = node[token];
    }
    return node;
}
/** A fragment token's %-escapes decoded; a malformed one is taken as written. */
function decodeFragment(token) {
    try {
        return decodeURIComponent(token);
    }
    catch {
        return token;
    }
}

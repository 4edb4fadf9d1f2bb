/**
 * Errors the CLI reports as one clear paragraph (no stack trace).
 * `UsageError` means the command line was wrong (exit 2); `SpecError` means an input
 * file was wrong (exit 1) and names the file and, where known, the JSON pointer.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

export class SpecError extends Error {
  override name = "SpecError";
  constructor(
    readonly file: string,
    readonly pointer: string | undefined,
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`${file}${pointer !== undefined ? ` at ${pointer || "/"}` : ""}: ${problem} ${remedy}`.trim());
  }
}

/** Escapes one JSON pointer token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Unescapes one JSON pointer token (RFC 6901): `~1` → `/`, `~0` → `~`. */
export function unescapePointerToken(token: string): string {
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

export function jsonPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${pointerToken(t)}`).join("");
}

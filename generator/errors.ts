// Errors the CLI reports as one clear paragraph (no stack trace).
import { printable } from "./printable.js";

/** The command line was wrong: reported with a pointer to --help, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An input file was wrong: names the file and, where known, the JSON pointer, then what to do; exit 1. */
export class SpecError extends Error {
  override name = "SpecError";
  constructor(
    readonly file: string,
    readonly pointer: string | undefined,
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`${printable(file)}${pointer !== undefined ? ` at ${printable(pointer || "/")}` : ""}: ${problem} ${remedy}`.trim());
  }
}

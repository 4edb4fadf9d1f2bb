import { UsageError } from "../errors.js";

/**
 * `--api` and `--version` are written into generated code and comments, so they are held to
 * identifiers joined by dots or dashes (`pem`, `v10`, `v3.8`, `v3-1`): nothing that could
 * end a comment, a string or a line.
 */
const LABEL = /^[A-Za-z][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*$/;

export function checkLabel(flag: string, value: string): void {
  if (!LABEL.test(value)) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not a valid label: use letters, digits and _, starting with a letter, with . or - between them (for example v10 or v3.8).`,
    );
  }
}

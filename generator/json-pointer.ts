// JSON pointers (RFC 6901): how errors and diff reports name a place in a document.

/** Escapes one JSON pointer token (RFC 6901). */
function pointerToken(token: string | number): string {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Unescapes one JSON pointer token (RFC 6901): `~1` → `/`, `~0` → `~`. */
export function unescapePointerToken(token: string): string {
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

export function jsonPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${pointerToken(t)}`).join("");
}

/**
 * The value a local `$ref` (`#/components/schemas/Node`, a URI fragment) points at, through
 * the document's own members only: an inherited name such as `constructor` finds nothing.
 */
export function followPointer(document: unknown, ref: string): unknown {
  return valueAt(
    document,
    ref === "#"
      ? []
      : ref
          .replace(/^#\//, "")
          .split("/")
          .map((token) => unescapePointerToken(decodeFragment(token))),
  );
}

/** The value at a JSON pointer's tokens (unescaped), through the document's own members only. */
export function valueAt(document: unknown, tokens: readonly string[]): unknown {
  let node: unknown = document;
  for (const token of tokens) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** A fragment token's %-escapes decoded; a malformed one is taken as written. */
function decodeFragment(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

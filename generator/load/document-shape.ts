import { SpecError } from "../errors.js";
import { jsonPointer } from "../json-pointer.js";

/**
 * Limits on what a parsed document may expand to. YAML aliases let a few hundred bytes stand
 * for billions of nodes (a "billion laughs" document), which every later stage walks in full;
 * real specs stay far below these.
 */
export const DOCUMENT_LIMITS = {
  /** Nodes (objects, arrays and values) once every alias is expanded. PMM 3.8's full reference document has 25 000. */
  maxNodes: 500_000,
  /**
   * Characters of keys and strings once every alias is expanded, as much as a spec file may
   * hold: a long string aliased many times is a bomb of few nodes. PMM 3.8 has 560 000.
   */
  maxChars: 64 * 1024 * 1024,
  /** Nesting levels; PMM 3.8 has 18. Deeper documents overflow the recursive stages' stacks. */
  maxDepth: 100,
} as const;

/**
 * Keys that every JavaScript object inherits. The linter and openapi-typescript look keys up
 * in plain objects, find these members instead of nothing, and crash the process (not even a
 * rejected promise); `__proto__` is a key that JavaScript code can mistake for the prototype.
 */
const INHERITED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Refuses a document that expands beyond DOCUMENT_LIMITS, contains itself (a YAML alias to
 * an enclosing node) or has a key named like an inherited member. Shared nodes are measured
 * once, so a bomb is caught at once.
 */
export function checkDocumentShape(source: string, document: unknown): void {
  const sizes = new Map<object, Size>();
  const open = new Set<object>();
  const measure = (node: unknown, at: (string | number)[]): Size => {
    if (node === null || typeof node !== "object") return { nodes: 1, chars: typeof node === "string" ? node.length : 0 };
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) {
      throw new SpecError(
        source,
        jsonPointer(at),
        "a YAML alias here refers to a node that contains it, so the document is infinite.",
        "Replace the alias with the content it should stand for.",
      );
    }
    if (at.length > DOCUMENT_LIMITS.maxDepth) throw nestedTooDeep(source, jsonPointer(at));
    open.add(node);
    const size: Size = { nodes: 1, chars: 0 };
    for (const [key, child] of Object.entries(node)) {
      at.push(key);
      if (INHERITED_KEYS.has(key)) {
        throw new SpecError(
          source,
          jsonPointer(at),
          `the key ${JSON.stringify(key)} is the name of a member every JavaScript object has, which the tools this generator uses cannot handle.`,
          "Rename it; such a name cannot be part of a generated client.",
        );
      }
      const inner = measure(child, at);
      size.nodes += inner.nodes;
      size.chars += inner.chars + key.length;
      at.pop();
      const over =
        size.nodes > DOCUMENT_LIMITS.maxNodes
          ? `more than ${DOCUMENT_LIMITS.maxNodes.toLocaleString("en")} nodes`
          : size.chars > DOCUMENT_LIMITS.maxChars
            ? `more than ${DOCUMENT_LIMITS.maxChars.toLocaleString("en")} characters of keys and strings`
            : undefined;
      if (over) {
        throw new SpecError(
          source,
          jsonPointer(at),
          `expands to ${over} (YAML aliases repeat the nodes they point at).`,
          "This looks like an alias bomb; use a document without nested aliases.",
        );
      }
    }
    open.delete(node);
    sizes.set(node, size);
    return size;
  };
  measure(document, []);
}

/** A document nested deeper than DOCUMENT_LIMITS allows, at `pointer` or, from the YAML parser, at a place in the text. */
export function nestedTooDeep(source: string, pointer: string | undefined, where = ""): SpecError {
  return new SpecError(
    source,
    pointer,
    `nests deeper than ${DOCUMENT_LIMITS.maxDepth} levels${where}.`,
    "Real API descriptions nest far less; check that this is the document you meant to use.",
  );
}

/** What a node expands to. */
interface Size {
  nodes: number;
  chars: number;
}

import { SpecError, jsonPointer, unescapePointerToken } from "../errors.js";

type Node = Record<string, unknown>;

/** Members through which a schema's type is made of another one's at once, not inside a property or an array. */
const COMPOSITIONS = ["allOf", "anyOf", "oneOf"] as const;

/**
 * Checks every `#/…` reference before the linter and openapi-typescript follow them: each
 * must point at something the document itself holds (a pointer to `__proto__` or
 * `constructor` finds what every object inherits), and no schema may be made of itself
 * through `$ref`s, `allOf`, `anyOf` or `oneOf` alone: it would have no TypeScript type.
 */
export function checkLocalRefs(source: string, document: Node): void {
  // Where each object is, as a trail of keys: pointers are spelled out only for an error.
  const trails = new Map<Node, Trail | undefined>();
  const visit = (node: unknown, trail: Trail | undefined) => {
    if (node === null || typeof node !== "object" || trails.has(node as Node)) return;
    if (isNode(node)) trails.set(node, trail);
    for (const [key, child] of Object.entries(node)) visit(child, { key, up: trail });
  };
  visit(document, undefined);
  const pointer = (node: Node) => pointerOf(trails.get(node));

  const targets = new Map<Node, Node>();
  for (const node of trails.keys()) {
    if (typeof node.$ref !== "string" || !node.$ref.startsWith("#")) continue;
    const target = resolveOwn(document, node.$ref);
    if (!isNode(target)) {
      throw new SpecError(source, `${pointer(node)}/$ref`, `the reference ${JSON.stringify(node.$ref)} points at nothing in this document.`, "Point it at an existing definition, or add the missing one.");
    }
    targets.set(node, target);
  }

  const parts = (node: Node): Node[] => [
    ...(targets.has(node) ? [targets.get(node)!] : []),
    ...COMPOSITIONS.flatMap((key) => (Array.isArray(node[key]) ? node[key].filter(isNode) : [])),
  ];
  // Depth-first with an explicit stack: a chain of thousands of `$ref`s must not overflow.
  const done = new Set<Node>();
  const open = new Set<Node>();
  for (const root of trails.keys()) {
    if (done.has(root)) continue;
    const stack = [{ node: root, next: parts(root) }];
    open.add(root);
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const part = top.next.pop();
      if (!part) {
        open.delete(top.node);
        done.add(top.node);
        stack.pop();
      } else if (open.has(part)) {
        throw new SpecError(source, pointer(part), "this schema is made of itself (through $ref, allOf, anyOf or oneOf, with no property or array in between), so it has no type.", "Break the loop: refer to the schema from inside a property or an array's items instead.");
      } else if (!done.has(part)) {
        open.add(part);
        stack.push({ node: part, next: parts(part) });
      }
    }
  }
}

interface Trail {
  key: string;
  up: Trail | undefined;
}

function pointerOf(trail: Trail | undefined): string {
  const keys: string[] = [];
  for (let at = trail; at; at = at.up) keys.unshift(at.key);
  return jsonPointer(keys);
}

/** Follows a `#/…` pointer through the document's own members only. */
function resolveOwn(document: Node, ref: string): unknown {
  const tokens = ref === "#" ? [] : ref.replace(/^#\//, "").split("/").map((t) => unescapePointerToken(decodeURIComponentSafe(t)));
  let node: unknown = document;
  for (const token of tokens) {
    if (!isNode(node) && !Array.isArray(node)) return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Node)[token];
  }
  return node;
}

function decodeURIComponentSafe(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

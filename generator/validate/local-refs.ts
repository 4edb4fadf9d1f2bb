import { SpecError } from "../errors.js";
import { followPointer, jsonPointer } from "../json-pointer.js";

type Node = Record<string, unknown>;

/** Members through which a schema's type is made of another one's at once, not inside a property or an array. */
const COMPOSITIONS = ["allOf", "anyOf", "oneOf"] as const;

/**
 * How deep the document may nest when every `$ref` is followed (each counting as a level).
 * The linter follows references recursively and overflows its stack, crashing the process,
 * on a chain of 1 000 schemas that each hold the next in a property (3 000 levels); real specs
 * reach 29 (PEM's full reference documents), and a 900-level chain still generates.
 */
const MAX_DEPTH_THROUGH_REFS = 500;

/**
 * Checks every `#/…` reference before the linter and openapi-typescript follow them: each
 * must point at something the document itself holds (a pointer to `__proto__` or
 * `constructor` finds what every object inherits); no schema may be made of itself
 * through `$ref`s, `allOf`, `anyOf` or `oneOf` alone (it would have no TypeScript type); and
 * following references must not nest deeper than MAX_DEPTH_THROUGH_REFS.
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
    const target = followPointer(document, node.$ref);
    if (!isNode(target)) {
      throw new SpecError(
        source,
        `${pointer(node)}/$ref`,
        `the reference ${JSON.stringify(node.$ref)} points at nothing in this document.`,
        "Point it at an existing definition, or add the missing one.",
      );
    }
    targets.set(node, target);
  }
  refuseDeepNesting(source, document, targets, pointer);

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
        throw new SpecError(
          source,
          pointer(part),
          "this schema is made of itself (through $ref, allOf, anyOf or oneOf, with no property or array in between), so it has no type.",
          "Break the loop: refer to the schema from inside a property or an array's items instead.",
        );
      } else if (!done.has(part)) {
        open.add(part);
        stack.push({ node: part, next: parts(part) });
      }
    }
  }
}

/**
 * Walks the document depth-first in document order, following each reference the first time
 * it is met (as the linter does) and never entering an object twice, and refuses it when the
 * walk goes deeper than MAX_DEPTH_THROUGH_REFS.
 */
function refuseDeepNesting(source: string, document: Node, targets: Map<Node, Node>, pointer: (node: Node) => string): void {
  const entered = new Set<object>([document]);
  const children = (node: object): object[] => {
    const inside = Object.values(node).filter((child): child is object => child !== null && typeof child === "object");
    const target = targets.get(node as Node);
    return (target ? [...inside, target] : inside).reverse();
  };
  const stack = [children(document)];
  while (stack.length > 0) {
    const next = stack.at(-1)!.pop();
    if (!next) {
      stack.pop();
    } else if (!entered.has(next)) {
      entered.add(next);
      if (stack.length >= MAX_DEPTH_THROUGH_REFS && isNode(next)) {
        throw new SpecError(
          source,
          pointer(next),
          `following its $refs, the document nests more than ${MAX_DEPTH_THROUGH_REFS} levels deep here.`,
          "Real API descriptions nest far less; check for a long chain of schemas that each refer to the next.",
        );
      }
      stack.push(children(next));
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

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

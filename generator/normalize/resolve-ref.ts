import { followPointer } from "../json-pointer.js";

/** Follows local `$ref`s (`#/components/...`) to the object they point at. */
export function resolveRef<T>(document: unknown, node: unknown): T | undefined {
  let current = node as { $ref?: unknown } | undefined;
  for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
    if (hops > 64 || !current.$ref.startsWith("#/")) return undefined;
    current = followPointer(document, current.$ref) as { $ref?: unknown } | undefined;
  }
  return current as T | undefined;
}

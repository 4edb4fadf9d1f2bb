import { jsonPointer } from "../json-pointer.js";

/**
 * Where a change sits in each document, as JSON pointers: only `new` for something added, only
 * `old` for something removed. Checks set them into the documents they compare (the OpenAPI 3
 * models); pointIntoSources maps them into the files as given.
 */
export interface Pointers {
  old?: string;
  new?: string;
}

const indexes = new WeakMap<object, WeakMap<object, string>>();

/**
 * The JSON pointer of an object of `document`: where it sits, so a node reached through a `$ref`
 * has the place the `$ref` leads to. The first place in document order for an object found at
 * two; undefined for one not in the document (a merged `allOf`, a primitive).
 */
export function pointerOf(document: unknown, node: unknown): string | undefined {
  if (node === null || typeof node !== "object" || document === null || typeof document !== "object") return undefined;
  let index = indexes.get(document);
  if (!index) {
    index = new WeakMap();
    indexObjects(document, [], index);
    indexes.set(document, index);
  }
  return index.get(node);
}

function indexObjects(node: object, tokens: string[], index: WeakMap<object, string>): void {
  if (index.has(node)) return;
  index.set(node, jsonPointer(tokens));
  for (const [key, value] of Object.entries(node)) if (value !== null && typeof value === "object") indexObjects(value, [...tokens, key], index);
}

/** Pointers to `before` in the old document and `after` in the new one, each where it exists. */
export function pointersOf(documents: { old: unknown; new: unknown }, before: unknown, after: unknown): Pointers {
  return pointers(pointerOf(documents.old, before), pointerOf(documents.new, after));
}

/** Pointers with only the sides that exist. */
export function pointers(old: string | undefined, current: string | undefined): Pointers {
  return { ...(old !== undefined ? { old } : {}), ...(current !== undefined ? { new: current } : {}) };
}

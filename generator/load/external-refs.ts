import { SpecError } from "../errors.js";
import { jsonPointer } from "../json-pointer.js";

export interface ExternalRef {
  /** JSON pointer of the member that holds the reference. */
  pointer: string;
  ref: string;
}

/**
 * Every reference that leaves the document (a file path, a relative file, a URL), in document
 * order: a `$ref`, an Example's `externalValue` and a `discriminator.mapping` value, which the
 * linter and openapi-typescript all follow. Shared nodes (YAML aliases) are visited once; the
 * document's shape was checked.
 */
export function externalRefs(document: unknown): ExternalRef[] {
  const found: ExternalRef[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown, at: (string | number)[], inMapping: boolean) => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    for (const [key, child] of Object.entries(node)) {
      at.push(key);
      if (typeof child === "string" && leavesDocument(key, child, inMapping)) found.push({ pointer: jsonPointer(at), ref: child });
      else visit(child, at, key === "mapping" && at[at.length - 2] === "discriminator");
      at.pop();
    }
  };
  visit(document, [], false);
  return found;
}

/**
 * Whether a string member refers outside the document. A mapping value is a reference only
 * with a `/` in it (a bare one names a schema), as the linter tells them apart.
 */
function leavesDocument(key: string, value: string, inMapping: boolean): boolean {
  if (value.startsWith("#")) return false;
  return key === "$ref" || key === "externalValue" || (inMapping && value.includes("/"));
}

/**
 * Refuses a document with references outside itself, before anything (the linter,
 * openapi-typescript) could follow them: they would read local files or make requests.
 */
export function refuseExternalRefs(source: string, document: unknown): void {
  const first = externalRefs(document)[0];
  if (!first) return;
  throw new SpecError(
    source,
    first.pointer,
    `refers to ${JSON.stringify(first.ref)}, outside this document; such references are not followed.`,
    "Bundle the referenced parts into one document (for example with `redocly bundle`); `generate --spec` and `specs:import` also take --allow-external-refs, which reads local files and https:// URLs.",
  );
}

/** Refuses the one kind of external reference that `--allow-external-refs` still does not follow. */
export function refusePlainHttpRefs(source: string, refs: readonly ExternalRef[]): void {
  const plain = refs.find(({ ref }) => /^http:/i.test(ref));
  if (!plain) return;
  throw new SpecError(
    source,
    plain.pointer,
    `refers to ${JSON.stringify(plain.ref)} over plain http://, which anyone on the network could alter.`,
    "Use an https:// URL or a local copy.",
  );
}

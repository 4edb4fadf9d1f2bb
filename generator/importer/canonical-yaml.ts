import { stringify } from "yaml";

/** Renders a document as YAML with keys sorted at every level, so imports are stable. */
export function canonicalYaml(document: unknown): string {
  return stringify(sortKeys(document), { lineWidth: 0, aliasDuplicateObjects: false });
}

function sortKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (node === null || typeof node !== "object") return node;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(node).sort(compareKeys)) sorted[key] = sortKeys((node as Record<string, unknown>)[key]);
  return sorted;
}

/** Code-point order, independent of locale. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

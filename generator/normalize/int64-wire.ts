/**
 * PMM's grpc-gateway encodes 64-bit integers (`format: int64` / `uint64`) as JSON strings.
 * This rewrites such schemas to `type: string` (keeping the format), so generated types
 * describe what actually arrives. Returns how many schemas were rewritten.
 */
const WIDE_FORMATS = new Set(["int64", "uint64"]);
/** Values under these keys are data, not schemas… */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);
/** …except inside these maps, whose keys are names: a property or a response may be called `default`. */
const NAME_MAPS = new Set(["properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "schemas", "responses", "parameters", "headers", "requestBodies"]);

export function int64AsString(node: unknown, isNameMap = false): number {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + int64AsString(item), 0);
  if (node === null || typeof node !== "object") return 0;
  const schema = node as Record<string, unknown>;
  let rewritten = 0;
  if (typeof schema.format === "string" && WIDE_FORMATS.has(schema.format)) {
    if (schema.type === "integer") {
      schema.type = "string";
      rewritten++;
    } else if (Array.isArray(schema.type) && schema.type.includes("integer")) {
      schema.type = schema.type.map((t) => (t === "integer" ? "string" : t));
      rewritten++;
    }
  }
  for (const [key, value] of Object.entries(schema)) {
    if (isNameMap) rewritten += int64AsString(value);
    else if (!DATA_KEYS.has(key)) rewritten += int64AsString(value, NAME_MAPS.has(key));
  }
  return rewritten;
}

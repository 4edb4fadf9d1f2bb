import { HTTP_METHODS } from "./http-methods.js";

/** The formats of 64-bit integers. */
const WIDE_FORMATS = new Set(["int64", "uint64"]);
/** Values under these keys are data, not schemas… */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);
/** …except inside these maps, whose keys are names: a property or a response may be called `default`. */
const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "definitions",
  "$defs",
  "dependentSchemas",
  "schemas",
  "responses",
  "parameters",
  "headers",
  "requestBodies",
]);

/**
 * PMM's grpc-gateway encodes 64-bit integers (`format: int64` / `uint64`) as JSON strings.
 * This rewrites such schemas to `type: string` (keeping the format), so generated types
 * describe what actually arrives. Returns how many schemas were rewritten.
 */
export function int64AsString(node: unknown): number {
  return rewriteWideIntegers(node, (schema) => {
    if (schema.type === "integer") schema.type = "string";
    else if (Array.isArray(schema.type) && schema.type.includes("integer")) schema.type = schema.type.map((t) => (t === "integer" ? "string" : t));
    else return false;
    return true;
  });
}

/**
 * The gateway accepts 64-bit integers as numbers or strings: after int64AsString, the inputs
 * (parameters and request bodies) take both, so `query: { limit: 100 }` compiles; responses stay
 * strings. Schemas reached through a `$ref` stay strings, since responses may share them (PMM
 * writes its inputs in place). Returns how many schemas were widened.
 */
export function int64InputsTakeNumbers(document: InputHolder): number {
  const roots: unknown[] = [Object.values(document.components?.parameters ?? {}), Object.values(document.components?.requestBodies ?? {})];
  for (const item of Object.values(document.paths ?? {})) {
    roots.push(item?.parameters);
    for (const method of HTTP_METHODS) roots.push(item?.[method]?.parameters, item?.[method]?.requestBody);
  }
  return roots.reduce<number>(
    (n, root) =>
      n +
      rewriteWideIntegers(root, (schema) => {
        const types = typeof schema.type === "string" ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
        if (!types.includes("string") || types.includes("integer")) return false;
        schema.type = ["integer", ...types];
        return true;
      }),
    0,
  );
}

type OperationLike = { parameters?: unknown; requestBody?: unknown };
interface InputHolder {
  paths?: Record<string, ({ parameters?: unknown } & Partial<Record<(typeof HTTP_METHODS)[number], OperationLike>>) | undefined>;
  components?: { parameters?: Record<string, unknown>; requestBodies?: Record<string, unknown> };
}

/** Applies `rewrite` to every int64/uint64 schema under `node`; it says whether it changed one. */
function rewriteWideIntegers(node: unknown, rewrite: (schema: Record<string, unknown>) => boolean, isNameMap = false): number {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + rewriteWideIntegers(item, rewrite), 0);
  if (node === null || typeof node !== "object") return 0;
  const schema = node as Record<string, unknown>;
  let rewritten = typeof schema.format === "string" && WIDE_FORMATS.has(schema.format) && rewrite(schema) ? 1 : 0;
  for (const [key, value] of Object.entries(schema)) {
    if (isNameMap) rewritten += rewriteWideIntegers(value, rewrite);
    else if (!DATA_KEYS.has(key)) rewritten += rewriteWideIntegers(value, rewrite, NAME_MAPS.has(key));
  }
  return rewritten;
}

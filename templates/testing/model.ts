// biome-ignore lint/suspicious/noExplicitAny: schemas are read keyword by keyword, as the spec wrote them.
export type Schema = Record<string, any>;

/** One operation of a version, as generator/emit/fake-model.ts writes it. */
export interface FakeOperation {
  /** The client's method name: `nodes.listNodes`. */
  operation: string;
  method: string;
  /** The spec's path template, below the version's base path. */
  path: string;
  pathParameters: string[];
  /** Its JSON request body's schema. */
  body?: Schema;
  /** Its success statuses, the first one answered, each with its JSON body's schema if it has one. */
  success: { status: string; schema?: Schema }[];
  /** The schema of its JSON error answers. */
  error?: Schema;
}

/** One version's fake-model.js. */
export interface FakeModel {
  api: string;
  version: string;
  /** Where the version is served: `/pem/api/v17`, `""` for PMM. */
  basePath: string;
  operations: FakeOperation[];
  /** What `$ref`s point into. */
  document: { components: { schemas: Record<string, Schema> } };
}

/** Follows `$ref`s (`#/components/schemas/…`) to the schema they name; undefined for one that leads nowhere. */
export function resolve(model: FakeModel, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
    if (hops > 64 || !current.$ref.startsWith("#/")) return undefined;
    let target: unknown = model.document;
    for (const token of current.$ref.slice(2).split("/")) {
      const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
      target = target && typeof target === "object" && Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
    }
    current = target as Schema | undefined;
  }
  return current;
}

import type { OpenAPIV3 } from "openapi-types";
import { type ApiModel, isJson } from "../normalize/build-model.js";
import { resolveRef } from "../normalize/resolve-ref.js";
import { generatedHeader } from "./generated-header.js";

// biome-ignore lint/suspicious/noExplicitAny: a schema is copied keyword by keyword, whatever the document put there.
type Schema = Record<string, any>;

/**
 * The schema keywords the test kit's fake servers read to make answers: what the validators
 * check, and `format` for realistic strings. Prose (descriptions, titles, examples) is left out,
 * which keeps the module small and copies nothing of the spec's text.
 */
const KEPT = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "properties",
  "additionalProperties",
  "items",
  "allOf",
  "oneOf",
  "anyOf",
  "nullable",
  "required",
  "format",
]);

/**
 * One version's `fake-model.js` for `pem-pmm-client/testing`: each operation's method, path,
 * path parameters, JSON request body and success answers, and the schemas they refer to, so
 * that the fake servers derive state and answers from the spec rather than from handlers.
 */
export function emitFakeModel(model: ApiModel, origin: string): string {
  const document = model.document as Schema;
  const operations = model.operations.map((op) => {
    const operation = (document.paths?.[op.path] as Record<string, OpenAPIV3.OperationObject> | undefined)?.[op.httpMethod];
    const pathParameters = (operation?.parameters ?? [])
      .map((parameter) => resolveRef<OpenAPIV3.ParameterObject>(document, parameter))
      .filter((parameter) => parameter?.in === "path")
      .map((parameter) => parameter!.name);
    const success = op.success.map(({ status, contentType }) => {
      const response = resolveRef<OpenAPIV3.ResponseObject>(document, operation?.responses?.[status]);
      const schema = contentType && isJson(contentType) ? response?.content?.[contentType]?.schema : undefined;
      return { status, ...(schema ? { schema: strip(schema) } : {}) };
    });
    const error = op.errors.find((media) => media.contentType && isJson(media.contentType));
    const errorSchema = error && resolveRef<OpenAPIV3.ResponseObject>(document, operation?.responses?.[error.status])?.content?.[error.contentType!]?.schema;
    const body =
      op.requestBody && !op.requestBody.form && isJson(op.requestBody.contentType)
        ? resolveRef<OpenAPIV3.RequestBodyObject>(document, operation?.requestBody)?.content?.[op.requestBody.contentType]?.schema
        : undefined;
    return {
      operation: `${op.namespace}.${op.name}`,
      method: op.httpMethod.toUpperCase(),
      path: op.path,
      pathParameters,
      ...(body ? { body: strip(body) } : {}),
      success,
      ...(errorSchema ? { error: strip(errorSchema) } : {}),
    };
  });
  const schemas = Object.fromEntries(Object.entries<Schema>(document.components?.schemas ?? {}).map(([name, schema]) => [name, strip(schema)]));
  const fake = { api: model.api, version: model.version, basePath: model.basePath, operations, document: { components: { schemas } } };
  return `${generatedHeader(origin)}\n// What pem-pmm-client/testing's fake servers read: operations and schemas, without prose.\nexport default ${JSON.stringify(fake)};\n`;
}

/** A schema with only the KEPT keywords, at every depth (property names are kept whatever they are). */
function strip(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strip);
  if (!schema || typeof schema !== "object") return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (!KEPT.has(key)) continue;
    if (key === "properties" && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, strip(property)]));
    } else out[key] = key === "enum" || key === "const" || key === "required" ? value : strip(value);
  }
  return out;
}

/**
 * `testing/models.js` and its declarations: which versions of each API the fakes serve, in
 * the specs' order (newest last), and how to load each one's model. `token` entries are
 * auxiliary specs, loaded by the PEM fake beside the version it serves.
 */
export function emitFakeModelIndex(entries: readonly { api: string; version: string }[]): { js: string; dts: string } {
  const apis = [...new Set(entries.map((e) => e.api))];
  const selectable = (api: string) => entries.filter((e) => e.api === api && /^v\d+$/.test(e.version)).map((e) => e.version);
  const loaders = apis
    .map((api) => {
      const lines = entries
        .filter((e) => e.api === api)
        .map((e) => `    ${JSON.stringify(e.version)}: () => import("../${e.api}/${e.version}/fake-model.js"),`);
      return `  ${JSON.stringify(api)}: {\n${lines.join("\n")}\n  },`;
    })
    .join("\n");
  const header = generatedHeader("specs/");
  const js = [
    header,
    "/** API → the versions a fake can serve, oldest first. */",
    `export const versions = ${JSON.stringify(Object.fromEntries(apis.map((api) => [api, selectable(api)])))};`,
    "/** API → version → its fake-model.js. */",
    `export const models = {\n${loaders}\n};`,
    "",
  ].join("\n");
  const union = (api: string) =>
    selectable(api)
      .map((v) => JSON.stringify(v))
      .join(" | ") || "never";
  const dts = [
    header,
    'import type { FakeModel } from "./model.js";',
    ...apis.map((api) => `/** The ${api.toUpperCase()} versions a fake can serve. */\nexport type ${capitalize(api)}Version = ${union(api)};`),
    "export declare const versions: Record<string, readonly string[]>;",
    "export declare const models: Record<string, Record<string, () => Promise<{ default: FakeModel }>>>;",
    "",
  ].join("\n");
  return { js, dts };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

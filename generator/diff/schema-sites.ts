import type { OperationModel } from "../normalize/build-model.js";
import type { OperationTypeKind } from "../normalize/public-names.js";
import type { ApiDiff } from "./api-diff.js";
import type { SchemaDiff } from "./schema-diff.js";

/** Whether a schema describes what the client sends (request) or receives (response). */
export type Direction = "request" | "response";

/** One changed schema node, wherever it sits: a parameter, a request body or a response. */
export interface SchemaSite {
  operation: OperationModel;
  direction: Direction;
  /** `request body .servers[].name`, `query parameter node_type`, `200 response .generic[]`. */
  location: string;
  diff: SchemaDiff;
  kinds: OperationTypeKind[];
}

/** Every changed schema node of every operation present in both versions. */
export function* schemaSites(apiDiff: ApiDiff): Generator<SchemaSite> {
  for (const op of apiDiff.matched) {
    const operation = op.new.model;
    for (const parameter of op.parametersModified) {
      if (parameter.schema) yield* walk(parameter.schema, `${parameter.new.in} parameter ${parameter.new.name}`, operation, "request", ["Params", "Input"]);
    }
    if (op.requestBody?.schema) yield* walk(op.requestBody.schema, "request body ", operation, "request", ["Body", "Input"]);
    for (const response of op.responsesModified) {
      if (!response.schema) continue;
      const success = response.status.startsWith("2");
      yield* walk(response.schema, `${response.status} response `, operation, "response", [success ? "Response" : "Error"]);
    }
  }
}

function* walk(diff: SchemaDiff, location: string, operation: OperationModel, direction: Direction, kinds: SchemaSite["kinds"]): Generator<SchemaSite> {
  yield { operation, direction, location: location.trimEnd(), diff, kinds };
  for (const [name, child] of Object.entries(diff.properties ?? {})) yield* walk(child, `${location}.${name}`, operation, direction, kinds);
  if (diff.items) yield* walk(diff.items, `${location}[]`, operation, direction, kinds);
  if (diff.additionalProperties) yield* walk(diff.additionalProperties, `${location}{}`, operation, direction, kinds);
}

/** `request body .config` + property `name` → `request body .config.name`. */
export function child(location: string, name: string): string {
  return /(body|response)$/.test(location) ? `${location} .${name}` : `${location}.${name}`;
}

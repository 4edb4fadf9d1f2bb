import { operationChange, type Change, type Level } from "./change.js";
import type { OperationModel } from "../normalize/build-model.js";
import type { OperationTypeKind } from "../normalize/public-names.js";
import type { ApiDiff, ResponseDiff } from "./api-diff.js";
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
  /** False for error responses (4xx, 5xx, default). */
  success: boolean;
  /** The nearest shared schema (`components.schemas`) the changed node sits in. */
  component?: string;
}

/** Every changed schema node of every operation present in both versions. */
export function* schemaSites(apiDiff: ApiDiff): Generator<SchemaSite> {
  for (const op of apiDiff.matched) {
    const operation = op.new.model;
    for (const parameter of op.parametersModified) {
      if (parameter.schema) yield* walk(parameter.schema, `${parameter.new.in} parameter ${parameter.new.name}`, { operation, direction: "request", kinds: ["Params", "Input"], success: true });
    }
    if (op.requestBody?.schema) yield* walk(op.requestBody.schema, "request body ", { operation, direction: "request", kinds: ["Body", "Input"], success: true });
    for (const response of op.responsesModified) {
      if (!response.schema) continue;
      const success = response.status.startsWith("2");
      yield* walk(response.schema, `${response.status} response `, { operation, direction: "response", kinds: [success ? "Response" : "Error"], success });
    }
  }
}

type SiteContext = Omit<SchemaSite, "location" | "diff">;

function* walk(diff: SchemaDiff, location: string, outer: SiteContext): Generator<SchemaSite> {
  const context = diff.component ? { ...outer, component: diff.component } : outer;
  yield { ...context, location: location.trimEnd(), diff };
  for (const [name, child] of Object.entries(diff.properties ?? {})) yield* walk(child, `${location}.${name}`, context);
  for (const [label, variant] of Object.entries(diff.variants ?? {})) yield* walk(variant, `${location}<${label}>`, context);
  if (diff.items) yield* walk(diff.items, `${location}[]`, context);
  if (diff.additionalProperties) yield* walk(diff.additionalProperties, `${location}{}`, context);
}

/**
 * A change found at a schema site. In an error response nothing is worse than a warning:
 * the client hands that body over inside an ApiError, and no call stops working.
 */
export function siteChange(check: string, level: Level, site: SchemaSite, message: string): Change {
  const judged = level === "breaking" && site.direction === "response" && !site.success ? "warning" : level;
  const change = operationChange(check, judged, site.operation, message, site.kinds);
  if (site.component) change.typescript.push(`components["schemas"][${JSON.stringify(site.component)}]`);
  return change;
}

/**
 * Levels for a closed set of choices (enum values, `oneOf`/`anyOf` alternatives). Request: a
 * removed choice breaks callers that send it. Response: a new one breaks code that handles
 * every choice, such as an exhaustive `switch` over the union type.
 */
export function choiceLevels(site: SchemaSite): { removed: Level; added: Level } {
  return site.direction === "request" ? { removed: "breaking", added: "info" } : { removed: "info", added: "warning" };
}

/** A response present in both versions that changed, with what user code sees of it. */
export interface ResponseSite {
  operation: OperationModel;
  response: ResponseDiff;
  /** False for error responses (4xx, 5xx, default), which reach code inside an ApiError. */
  success: boolean;
  kinds: ("Response" | "Error")[];
}

export function* responseSites(apiDiff: ApiDiff): Generator<ResponseSite> {
  for (const op of apiDiff.matched) {
    for (const response of op.responsesModified) {
      const success = response.status.startsWith("2");
      yield { operation: op.new.model, response, success, kinds: [success ? "Response" : "Error"] };
    }
  }
}

/** `request body .config` + property `name` → `request body .config.name`. */
export function child(location: string, name: string): string {
  return /(body|response)$/.test(location) ? `${location} .${name}` : `${location}.${name}`;
}

import type { OperationModel } from "../normalize/build-model.js";
import type { OperationTypeKind } from "../normalize/public-names.js";
import type { ApiDiff, MediaSchemaDiff, ResponseDiff } from "./api-diff.js";
import { type Finding, type Level, operationChange } from "./change.js";
import type { Pointers } from "./pointers.js";
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
  /** A response header: code reads it as a string (`response.headers.get`), so no type of it exists to break. */
  untyped?: boolean;
}

/** Every changed schema node of every operation present in both versions. */
export function* schemaSites(apiDiff: ApiDiff): Generator<SchemaSite> {
  for (const op of apiDiff.matched) {
    const operation = op.new.model;
    for (const parameter of op.parametersModified) {
      if (parameter.schema)
        yield* walk(parameter.schema, `${parameter.new.in} parameter ${parameter.new.name}`, {
          operation,
          direction: "request",
          kinds: ["Params", "Input"],
          success: true,
        });
    }
    for (const media of op.requestBody?.schemas ?? [])
      yield* walk(media.schema, `request body ${mediaLabel(media)}`, { operation, direction: "request", kinds: ["Body", "Input"], success: true });
    for (const response of op.responsesModified) {
      const success = response.status.startsWith("2");
      const context: SiteContext = { operation, direction: "response", kinds: [success ? "Response" : "Error"], success };
      for (const media of response.schemas) yield* walk(media.schema, `${response.status} response ${mediaLabel(media)}`, context);
      for (const header of response.headersModified)
        if (header.schema) yield* walk(header.schema, `${response.status} response header ${header.name}`, { ...context, untyped: true });
    }
  }
}

type SiteContext = Omit<SchemaSite, "location" | "diff">;

/** `(application/xml) ` beside the JSON media type the client uses, else nothing. */
function mediaLabel(media: MediaSchemaDiff): string {
  return media.label ? `(${media.label}) ` : "";
}

function* walk(whole: SchemaDiff, location: string, outer: SiteContext): Generator<SchemaSite> {
  const context = whole.component ? { ...outer, component: whole.component } : outer;
  const diff = withoutUnused(whole, outer.direction);
  yield { ...context, location: location.trimEnd(), diff };
  for (const [name, child] of Object.entries(diff.properties ?? {})) yield* walk(child, `${location}.${name}`, context);
  for (const [label, variant] of Object.entries(diff.variants ?? {})) yield* walk(variant, `${location}<${label}>`, context);
  if (diff.items) yield* walk(diff.items, `${location}[]`, context);
  if (diff.additionalProperties) yield* walk(diff.additionalProperties, `${location}{}`, context);
}

/** The diff without the properties this direction never carries: read-only ones in a request, write-only ones in a response. */
function withoutUnused(diff: SchemaDiff, direction: Direction): SchemaDiff {
  const unused = new Set(direction === "request" ? diff.readOnly : diff.writeOnly);
  if (unused.size === 0) return diff;
  const used = (name: string) => !unused.has(name);
  return {
    ...diff,
    propertiesAdded: diff.propertiesAdded?.filter((p) => used(p.name)),
    propertiesRemoved: diff.propertiesRemoved?.filter((p) => used(p.name)),
    becameRequired: diff.becameRequired?.filter(used),
    becameOptional: diff.becameOptional?.filter(used),
    properties: Object.fromEntries(Object.entries(diff.properties ?? {}).filter(([name]) => used(name))),
  };
}

/**
 * A change found at a schema site. In an error response, which code meets only as ApiError.body
 * cast to the operation's Error type, a change is breaking only when that code no longer
 * compiles; otherwise a warning at most, since no call stops working.
 * `compiles`: whether old code that sends or reads this node still type-checks. `pointers`: the
 * schemas compared, unless the change is about a part of them (a property added).
 */
export function siteChange(level: Level, site: SchemaSite, message: string, compiles?: boolean, pointers: Pointers = site.diff.pointers): Finding {
  // Headers are read from the raw response alike for every status.
  const errorBody = site.direction === "response" && !site.success && !site.untyped;
  const judged = level === "breaking" && errorBody && compiles !== false ? "warning" : level;
  const change = operationChange(judged, site.operation, message, site.kinds, pointers, site.untyped ? true : compiles);
  if (site.component) change.typescript.push(`components["schemas"][${JSON.stringify(site.component)}]`);
  return change;
}

/** A level, with whether old code still type-checks (see Change.compiles). */
export interface Verdict {
  level: Level;
  compiles?: boolean;
}

/**
 * A closed set of choices (enum values, `oneOf`/`anyOf` alternatives) in a request: a removed
 * choice leaves the union type, so a call that sends it stops compiling; a new one is info.
 * Responses differ between enums and alternatives; their checks say how.
 */
export const REQUEST_CHOICES: { readonly removed: Verdict; readonly added: Verdict } = {
  removed: { level: "breaking", compiles: false },
  added: { level: "info", compiles: true },
};

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
  return /(body|response)( \(.+\))?$/.test(location) ? `${location} .${name}` : `${location}.${name}`;
}

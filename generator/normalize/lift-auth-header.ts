import type { OpenAPIV3 } from "openapi-types";
import { resolveRef } from "./resolve-ref.js";

type Parameter = OpenAPIV3.ParameterObject | OpenAPIV3.ReferenceObject;

/**
 * Removes the header parameter that carries the credential (PEM's `X-Auth-Token`) from
 * every operation and path item: the runtime adds it, callers never pass it.
 */
export function liftAuthHeader(document: OpenAPIV3.Document, headerName: string): void {
  const wanted = headerName.toLowerCase();
  const isAuthHeader = (parameter: Parameter) => {
    const resolved = resolveRef<OpenAPIV3.ParameterObject>(document, parameter);
    return resolved?.in === "header" && resolved.name.toLowerCase() === wanted;
  };
  for (const item of Object.values(document.paths ?? {})) {
    if (!item) continue;
    const holders: { parameters?: Parameter[] }[] = [item, ...Object.values(item as Record<string, unknown>).filter(isOperationLike)];
    for (const holder of holders) {
      if (!holder.parameters) continue;
      holder.parameters = holder.parameters.filter((p) => !isAuthHeader(p));
      if (holder.parameters.length === 0) delete holder.parameters;
    }
  }
}

function isOperationLike(value: unknown): value is { parameters?: Parameter[] } {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "responses" in value;
}

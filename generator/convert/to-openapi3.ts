import type { OpenAPIV3 } from "openapi-types";
import converter from "swagger2openapi";
import { SpecError } from "../errors.js";

export type OpenApiDocument = OpenAPIV3.Document;

/**
 * Converts a Swagger 2.0 document to OpenAPI 3.0 with swagger2openapi; OpenAPI 3.x
 * documents pass through unchanged. The input is never modified, and the result shares no
 * node: normalization rewrites nodes per place (an operation's operationId, an input's
 * int64 schema), which must not reach another place that a YAML alias made the same object.
 */
export async function toOpenApi3(source: string, document: Record<string, unknown>): Promise<OpenApiDocument> {
  if (document.swagger !== "2.0") return unsharedCopy(document) as unknown as OpenApiDocument;
  try {
    const { openapi } = await converter.convertObj(
      // swagger2openapi refuses a node it meets twice ("YAML anchor or merge key"), and makes
      // a node of its own for each place it writes one (each media type's schema).
      unsharedCopy(document) as never,
      {
        patch: true,
        warnOnly: true,
        resolveInternal: false,
        direct: false,
        targetVersion: "3.0.0",
        // Left empty, swagger2openapi fills `text` with the whole input as YAML (about 280 ms on
        // the shipped specs) and never reads it again.
        text: "unused",
      } as never,
    );
    return openapi as unknown as OpenApiDocument;
  } catch (error) {
    throw new SpecError(
      source,
      undefined,
      `could not be converted from Swagger 2.0 to OpenAPI 3.0: ${(error as Error).message}.`,
      "Check that the document is valid Swagger 2.0.",
    );
  }
}

/**
 * A deep copy in which a node reached twice is copied twice. Its size is bounded: the parsed
 * document was measured with every alias expanded (checkDocumentShape). Keys are defined, not
 * assigned, so that none can set a prototype.
 */
function unsharedCopy(node: unknown): unknown {
  if (node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) return node.map(unsharedCopy);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, unsharedCopy(value)]));
}

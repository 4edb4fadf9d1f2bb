import type { OpenAPIV3 } from "openapi-types";
import converter from "swagger2openapi";
import { SpecError } from "../errors.js";

export type OpenApiDocument = OpenAPIV3.Document;

/**
 * Converts a Swagger 2.0 document to OpenAPI 3.0 with swagger2openapi; OpenAPI 3.x
 * documents pass through unchanged. The input is never modified.
 */
export async function toOpenApi3(source: string, document: Record<string, unknown>): Promise<OpenApiDocument> {
  if (document.swagger !== "2.0") return structuredClone(document) as unknown as OpenApiDocument;
  try {
    const { openapi } = await converter.convertObj(
      structuredClone(document) as never,
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

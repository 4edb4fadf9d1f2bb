import { createConfig } from "@redocly/openapi-core";
import openapiTS, { astToString, type SchemaObject, type TransformNodeOptions } from "openapi-typescript";
import ts from "typescript";
import type { OpenApiDocument } from "../convert/to-openapi3.js";
import { SpecError } from "../errors.js";
import { takeOperationIds, withOperationsInterface } from "./operations-interface.js";
import { describeProperties } from "./property-docs.js";

type RedoclyConfig = Awaited<ReturnType<typeof createConfig>>;
/**
 * openapi-typescript lints every document again before it starts; the validate stage has
 * already checked the structure and the model made operationIds unique, so it gets no rules.
 */
let noLintRules: Promise<RedoclyConfig> | undefined;

/** The `paths`, `components` and `operations` types of one API version, by openapi-typescript. */
export async function emitSchemaTypes(source: string, document: OpenApiDocument): Promise<string> {
  noLintRules ??= createConfig({ extends: [], rules: {} } as never);
  try {
    const copy = withoutExternalValues(document);
    describeProperties(copy);
    const operations = takeOperationIds(copy);
    const nodes = await openapiTS(copy as never, {
      silent: true,
      alphabetize: false,
      exportType: false,
      redocly: await noLintRules,
      transform: uploadedFile,
    });
    return astToString(withOperationsInterface(nodes, operations));
  } catch (error) {
    throw new SpecError(
      source,
      undefined,
      `could not be turned into TypeScript types: ${(error as Error).message.split("\n")[0]}`,
      "Check the schemas the message points at.",
    );
  }
}

/**
 * A copy without Examples' `externalValue`s, which openapi-typescript would fetch or read and
 * which no type needs. The loader refused or bundled them already; this guards any other way in.
 * A string only: a schema property named `externalValue` is an object and stays.
 */
function withoutExternalValues(document: OpenApiDocument): { paths?: Record<string, unknown> } & Record<string, unknown> {
  return JSON.parse(JSON.stringify(document, (key, value: unknown) => (key === "externalValue" && typeof value === "string" ? undefined : value)));
}

/** A file part of a multipart body (`format: binary`) takes what `FormData` can carry: a Blob or File, or bytes (a Node.js Buffer too). */
function uploadedFile(schema: SchemaObject, options: TransformNodeOptions): ts.TypeNode | undefined {
  if (!("format" in schema) || schema.format !== "binary" || !options.path?.includes("/multipart~1form-data/")) return undefined;
  return ts.factory.createUnionTypeNode([ts.factory.createTypeReferenceNode("Blob"), ts.factory.createTypeReferenceNode("Uint8Array")]);
}

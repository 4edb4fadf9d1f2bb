import {
  astToString,
  type GlobalContext,
  type OpenAPI3,
  resolveRef,
  type SchemaObject,
  scanDiscriminators,
  type TransformNodeOptions,
  transformSchema,
} from "openapi-typescript";
import ts from "typescript";
import { SpecError } from "../errors.js";
import { takeOperationIds, withOperationsInterface } from "./operations-interface.js";
import { describeProperties } from "./property-docs.js";

/**
 * The `paths`, `components` and `operations` types of one API version (its converted document
 * as JSON text), by openapi-typescript's transform. Its `openapiTS()` would first lint the
 * document and bundle it with Redocly: two more walks of the whole document (about a second for
 * the shipped specs), and a resolver that follows external references. The loader has refused or
 * bundled every external reference and checked every local one (validate's checkOwnRules), and
 * the structural lint runs meanwhile on the main thread, whose error comes first when it finds
 * one; so the document is transformed as it is.
 */
export function emitSchemaTypes(source: string, documentJson: string): string {
  try {
    // Parsed here, into a copy that the steps below may rewrite and in which no node is shared.
    const copy: { paths?: Record<string, unknown> } & Record<string, unknown> = JSON.parse(documentJson);
    // As Redocly's bundle did: `components` is then the same interface in every version.
    copy.components ??= {};
    describeProperties(copy);
    const operations = takeOperationIds(copy);
    const schema = copy as unknown as OpenAPI3;
    const nodes = transformSchema(schema, transformContext(schema));
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

/** The context openapiTS() would build for `schema`: its defaults, our `transform`, no output to the console. */
function transformContext(schema: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only openapiTS()'s lint and bundle read Redocly's configuration; no transform does.
    redoc: undefined as never,
    silent: true,
    inject: undefined,
    transform: uploadedFile,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
}

/** A file part of a multipart body (`format: binary`) takes what `FormData` can carry: a Blob or File, or bytes (a Node.js Buffer too). */
function uploadedFile(schema: SchemaObject, options: TransformNodeOptions): ts.TypeNode | undefined {
  if (!("format" in schema) || schema.format !== "binary" || !options.path?.includes("/multipart~1form-data/")) return undefined;
  return ts.factory.createUnionTypeNode([ts.factory.createTypeReferenceNode("Blob"), ts.factory.createTypeReferenceNode("Uint8Array")]);
}

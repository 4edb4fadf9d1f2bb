import openapiTS, { astToString } from "openapi-typescript";
import type { ApiModel } from "../normalize/build-model.js";
import { SpecError } from "../errors.js";

/** The `paths`, `components` and `operations` types of one API version, by openapi-typescript. */
export async function emitSchemaTypes(source: string, model: ApiModel): Promise<string> {
  try {
    const nodes = await openapiTS(model.document as never, { silent: true, alphabetize: false, exportType: false });
    return astToString(nodes);
  } catch (error) {
    throw new SpecError(source, undefined, `could not be turned into TypeScript types: ${(error as Error).message.split("\n")[0]}`, "Check the schemas the message points at.");
  }
}

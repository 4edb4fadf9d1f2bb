import { operationChange, type Change, type Check } from "../change.js";
import { responseSites } from "../schema-sites.js";

/**
 * Response headers, such as PEM's `X-Subject-Token` on the token API's 201. Code reads them as
 * strings (`response.headers.get`), so it always compiles; but on a success response, a header
 * the spec promised (required) that goes or becomes optional may now be missing, and code that
 * relies on it stops working: breaking. Otherwise, and in error responses, a header that goes is
 * a warning; one that appears or becomes required is info. Header schemas are compared like
 * any other schema (type, enum, limits) by the schema checks.
 */
export const responseHeaderChanged: Check = {
  id: "response-header-changed",
  run: (diff) =>
    [...responseSites(diff)].flatMap(({ operation, response, success, kinds }) => {
      const changes: Change[] = [];
      const change = (level: Change["level"], message: string) => operationChange("response-header-changed", level, operation, message, kinds, true);
      for (const header of response.headersRemoved) {
        changes.push(change(success && header.required ? "breaking" : "warning", `${response.status} response no longer sends the ${header.required ? "required " : ""}header ${header.name}`));
      }
      for (const header of response.headersModified) {
        if (header.requiredChanged?.to === false) changes.push(change(success ? "breaking" : "warning", `${response.status} response header ${header.name} became optional: it may be missing`));
        if (header.requiredChanged?.to === true) changes.push(change("info", `${response.status} response header ${header.name} became required`));
      }
      for (const header of response.headersAdded) changes.push(change("info", `${response.status} response sends the new header ${header.name}`));
      return changes;
    }),
};

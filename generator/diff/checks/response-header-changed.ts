import { operationChange, type Change, type Check } from "../change.js";
import { responseSites } from "../schema-sites.js";

/**
 * Response headers, such as PEM's `X-Subject-Token` on the token API's 201. A removed header
 * breaks readers of a success response when the spec promised it (required), else it is a
 * warning; in an error response it is a warning at most. A new header is info.
 */
export const responseHeaderChanged: Check = {
  id: "response-header-changed",
  run: (diff) =>
    [...responseSites(diff)].flatMap(({ operation, response, success, kinds }) => {
      const changes: Change[] = [];
      for (const header of response.headersRemoved) {
        const level = success && header.required ? "breaking" : "warning";
        changes.push(operationChange("response-header-changed", level, operation, `${response.status} response no longer sends the ${header.required ? "required " : ""}header ${header.name}`, kinds));
      }
      for (const header of response.headersAdded) {
        changes.push(operationChange("response-header-changed", "info", operation, `${response.status} response sends the new header ${header.name}`, kinds));
      }
      return changes;
    }),
};

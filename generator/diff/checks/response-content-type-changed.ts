import { operationChange, type Change, type Check } from "../change.js";
import { responseSites } from "../schema-sites.js";

/**
 * A content type no longer sent breaks readers of a success response (the client parses what it
 * gets differently); an error body reaches code only inside an ApiError, so there it is a
 * warning. A new content type is info. The types of the parsed body are compared by the schema checks.
 */
export const responseContentTypeChanged: Check = {
  id: "response-content-type-changed",
  run: (diff) =>
    [...responseSites(diff)].flatMap(({ operation, response, success, kinds }) => {
      const changes: Change[] = [];
      for (const type of response.contentTypesRemoved) changes.push(operationChange("response-content-type-changed", success ? "breaking" : "warning", operation, `${response.status} response no longer sent as ${type}`, kinds));
      for (const type of response.contentTypesAdded) changes.push(operationChange("response-content-type-changed", "info", operation, `${response.status} response may be sent as ${type}`, kinds));
      return changes;
    }),
};

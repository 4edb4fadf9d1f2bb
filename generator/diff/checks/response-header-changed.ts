import { operationChange, type Change, type Check } from "../change.js";

/**
 * Response headers, such as PEM's `X-Subject-Token` on the token API's 201. A removed header
 * breaks readers of a success response when the spec promised it (required), else it is a
 * warning; in an error response it is a warning at most. A new header is info.
 */
export const responseHeaderChanged: Check = {
  id: "response-header-changed",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.responsesModified.flatMap((response) => {
        const success = response.status.startsWith("2");
        const kinds: ("Response" | "Error")[] = [success ? "Response" : "Error"];
        const changes: Change[] = [];
        for (const header of response.headersRemoved) {
          const level = success && header.required ? "breaking" : "warning";
          changes.push(operationChange("response-header-changed", level, op.new.model, `${response.status} response no longer sends the ${header.required ? "required " : ""}header ${header.name}`, kinds));
        }
        for (const header of response.headersAdded) {
          changes.push(operationChange("response-header-changed", "info", op.new.model, `${response.status} response sends the new header ${header.name}`, kinds));
        }
        return changes;
      }),
    ),
};

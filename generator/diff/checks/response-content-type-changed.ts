import { operationChange, type Change, type Check } from "../change.js";

export const responseContentTypeChanged: Check = {
  id: "response-content-type-changed",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.responsesModified.flatMap((response) => {
        const success = response.status.startsWith("2");
        const kinds: ("Response" | "Error")[] = [success ? "Response" : "Error"];
        const changes: Change[] = [];
        // An error body only reaches code through an ApiError, so there it is a warning at most.
        for (const type of response.contentTypesRemoved) changes.push(operationChange("response-content-type-changed", success ? "breaking" : "warning", op.new.model, `${response.status} response no longer sent as ${type}`, kinds));
        for (const type of response.contentTypesAdded) changes.push(operationChange("response-content-type-changed", "info", op.new.model, `${response.status} response may be sent as ${type}`, kinds));
        return changes;
      }),
    ),
};

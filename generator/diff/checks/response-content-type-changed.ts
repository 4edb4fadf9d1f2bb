import { operationChange, type Change, type Check } from "../change.js";

export const responseContentTypeChanged: Check = {
  id: "response-content-type-changed",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.responsesModified.flatMap((response) => {
        const kinds: ("Response" | "Error")[] = [response.status.startsWith("2") ? "Response" : "Error"];
        const changes: Change[] = [];
        for (const type of response.contentTypesRemoved) changes.push(operationChange("response-content-type-changed", "breaking", op.new.model, `${response.status} response no longer sent as ${type}`, kinds));
        for (const type of response.contentTypesAdded) changes.push(operationChange("response-content-type-changed", "info", op.new.model, `${response.status} response may be sent as ${type}`, kinds));
        return changes;
      }),
    ),
};

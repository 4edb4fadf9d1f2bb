import { operationChange, type Change, type Check } from "../change.js";

export const requestBodyChanged: Check = {
  id: "request-body-changed",
  run: (diff) =>
    diff.matched.flatMap((op) => {
      const body = op.requestBody;
      if (!body) return [];
      const change = (level: Change["level"], message: string) => operationChange("request-body-changed", level, op.new.model, message, ["Body", "Input"]);
      const changes: Change[] = [];
      if (body.added) changes.push(body.added.required ? change("breaking", "new required request body") : change("info", "new optional request body"));
      if (body.removed) changes.push(change("warning", "request body removed: the server ignores it now"));
      if (body.requiredChanged) changes.push(body.requiredChanged.to ? change("breaking", "request body became required") : change("info", "request body became optional"));
      for (const type of body.contentTypesRemoved) changes.push(change("breaking", `request content type ${type} no longer accepted`));
      for (const type of body.contentTypesAdded) changes.push(change("info", `request content type ${type} now accepted`));
      return changes;
    }),
};

import { operationChange, type Change, type Check, type Level } from "../change.js";

/**
 * The request body as a whole. Calls stop compiling when a body becomes required or appears
 * required, and when it goes (passing `body` is then an excess property, even when the method
 * keeps other inputs): breaking. A content type no longer accepted still compiles, but the
 * server rejects what the client sends: breaking.
 */
export const requestBodyChanged: Check = {
  id: "request-body-changed",
  run: (diff) =>
    diff.matched.flatMap((op) => {
      const body = op.requestBody;
      if (!body) return [];
      const change = (level: Level, message: string, compiles: boolean) => operationChange("request-body-changed", level, op.new.model, message, ["Body", "Input"], compiles);
      const changes: Change[] = [];
      if (body.added) changes.push(body.added.required ? change("breaking", "new required request body", false) : change("info", "new optional request body", true));
      if (body.removed) changes.push(change("breaking", "request body removed: calls that pass one no longer compile", false));
      if (body.requiredChanged) changes.push(body.requiredChanged.to ? change("breaking", "request body became required", false) : change("info", "request body became optional", true));
      for (const type of body.contentTypesRemoved) changes.push(change("breaking", `request content type ${type} no longer accepted`, true));
      for (const type of body.contentTypesAdded) changes.push(change("info", `request content type ${type} now accepted`, true));
      return changes;
    }),
};

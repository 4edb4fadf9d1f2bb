import { defineCheck, type Finding, type Level, operationChange } from "../change.js";
import { type Pointers, pointersOf } from "../pointers.js";

export const requestBodyChanged = defineCheck({
  id: "request-body-changed",
  levels: ["breaking", "info"],
  description:
    "The request body as a whole. A body that appears required or becomes required is missing from old calls, and one that goes makes passing body an excess property (even when the method keeps other inputs): old calls no longer compile, breaking. A content type no longer accepted still compiles, but the server rejects what the client sends: breaking. A new optional body, a body that became optional, a new content type: info.",
  run: (diff) =>
    diff.matched.flatMap((op) => {
      const body = op.requestBody;
      if (!body) return [];
      const change = (level: Level, message: string, compiles: boolean, pointers: Pointers = pointersOf(diff.documents, body.old, body.new)) =>
        operationChange(level, op.new.model, message, ["Body", "Input"], pointers, compiles);
      const changes: Finding[] = [];
      if (body.added)
        changes.push(body.added.required ? change("breaking", "new required request body", false) : change("info", "new optional request body", true));
      if (body.removed) changes.push(change("breaking", "request body removed: calls that pass one no longer compile", false));
      if (body.requiredChanged)
        changes.push(
          body.requiredChanged.to ? change("breaking", "request body became required", false) : change("info", "request body became optional", true),
        );
      for (const type of body.contentTypesRemoved)
        changes.push(
          change("breaking", `request content type ${type} no longer accepted`, true, pointersOf(diff.documents, body.old?.content?.[type], undefined)),
        );
      for (const type of body.contentTypesAdded)
        changes.push(change("info", `request content type ${type} now accepted`, true, pointersOf(diff.documents, undefined, body.new?.content?.[type])));
      return changes;
    }),
});

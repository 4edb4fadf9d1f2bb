import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const operationDeprecated = defineCheck({
  id: "operation-deprecated",
  levels: ["warning", "info"],
  description: "An operation deprecated still works but is likely to go: warning. One no longer deprecated: info.",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.deprecated
        ? [
            operationChange(
              op.deprecated.to ? "warning" : "info",
              op.new.model,
              op.deprecated.to ? "operation deprecated" : "operation no longer deprecated",
              [],
              pointersOf(diff.documents, op.old.raw, op.new.raw),
              true,
            ),
          ]
        : [],
    ),
});

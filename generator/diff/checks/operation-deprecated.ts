import { operationChange, type Check } from "../change.js";

export const operationDeprecated: Check = {
  id: "operation-deprecated",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.deprecated ? [operationChange("operation-deprecated", op.deprecated.to ? "warning" : "info", op.new.model, op.deprecated.to ? "operation deprecated" : "operation no longer deprecated", [], true)] : [],
    ),
};

import { operationChange, type Check } from "../change.js";

export const operationRemoved: Check = {
  id: "operation-removed",
  run: (diff) => diff.removed.map((op) => operationChange("operation-removed", "breaking", op.model, "operation removed: calls to it fail", ["Input", "Response"], false)),
};

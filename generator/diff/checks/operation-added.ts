import { operationChange, type Check } from "../change.js";

export const operationAdded: Check = {
  id: "operation-added",
  run: (diff) => diff.added.map((op) => operationChange("operation-added", "info", op.model, "operation added", ["Input", "Response"], true)),
};

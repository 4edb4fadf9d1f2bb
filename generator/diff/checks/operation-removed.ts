import { defineCheck, operationChange } from "../change.js";

export const operationRemoved = defineCheck({
  id: "operation-removed",
  levels: ["breaking"],
  description:
    "An operation removed: its client method is gone, so calls to it no longer compile. Breaking, deprecated first or not.",
  run: (diff) => diff.removed.map((op) => operationChange("operation-removed", "breaking", op.model, "operation removed: calls to it fail", ["Input", "Response"], false)),
});

import { defineCheck, operationChange } from "../change.js";

export const operationAdded = defineCheck({
  id: "operation-added",
  levels: ["info"],
  description:
    "An operation added: a new client method. Info.",
  run: (diff) => diff.added.map((op) => operationChange("operation-added", "info", op.model, "operation added", ["Input", "Response"], true)),
});

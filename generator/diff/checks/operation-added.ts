import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const operationAdded = defineCheck({
  id: "operation-added",
  levels: ["info"],
  description: "An operation added that takes over no removed one (see operation-moved): a new client method. Info.",
  run: (diff) => {
    // A successor of removed operations is reported by operation-moved, as where they went.
    const successors = new Set(diff.successors.map((s) => s.new));
    return diff.added
      .filter((op) => !successors.has(op))
      .map((op) => operationChange("info", op.model, "operation added", ["Input", "Response"], pointersOf(diff.documents, undefined, op.raw), true));
  },
});

import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const operationRemoved = defineCheck({
  id: "operation-removed",
  levels: ["breaking"],
  description:
    "An operation removed that no new operation takes over (see operation-moved): its client method is gone, so calls to it no longer compile. Breaking, deprecated first or not.",
  run: (diff) => {
    // An operation another took over is reported by operation-moved instead.
    const succeeded = new Set(diff.successors.map((s) => s.old));
    return diff.removed
      .filter((op) => !succeeded.has(op))
      .map((op) =>
        operationChange(
          "breaking",
          op.model,
          "operation removed: calls to it fail",
          ["Input", "Response"],
          pointersOf(diff.documents, op.raw, undefined),
          false,
        ),
      );
  },
});

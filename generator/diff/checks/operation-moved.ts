import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";
import { describeSuccessor } from "../successors/describe.js";

export const operationMoved = defineCheck({
  id: "operation-moved",
  levels: ["breaking", "info"],
  description:
    "An operation removed whose job another took over: moved (another method or path) or merged (several calls into one whose body is keyed by type), paired by name, path, namespace, HTTP method and the fields both take and return. Breaking when calls must change (method, inputs, body key); info when the client call stays the same and only the URL moved.",
  run: (diff) =>
    diff.successors.map((successor) => {
      const report = describeSuccessor(diff.old.api, successor);
      const target = report.kind === "merged" ? `merged into ${report.new} under the body key "${report.key}"` : `moved to ${report.new}`;
      const steps = report.steps.length > 0 ? report.steps.join("; ") : "calls through the client stay the same";
      const change = operationChange(
        report.impact === "none" ? "info" : "breaking",
        successor.old.model,
        `${target} (confidence ${report.confidence}): ${steps}`,
        [],
        pointersOf(diff.documents, successor.old.raw, successor.new.raw),
      );
      change.typescript = [`${report.oldMethod}() → ${report.newMethod}()`];
      // Only reads of response fields that went fail: whether old code compiles depends on them.
      if (report.impact !== "response") change.compiles = report.impact === "none";
      return change;
    }),
});

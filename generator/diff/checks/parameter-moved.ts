import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const parameterMoved = defineCheck({
  id: "parameter-moved",
  levels: ["breaking"],
  description: "A parameter moved to another location (query → header, …): the method takes it under another key, so old calls no longer compile. Breaking.",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.parametersMoved.map((m) =>
        operationChange(
          "breaking",
          op.new.model,
          `parameter ${m.name} moved from ${m.from} to ${m.to}`,
          ["Params", "Input"],
          pointersOf(diff.documents, m.old, m.new),
          false,
        ),
      ),
    ),
});

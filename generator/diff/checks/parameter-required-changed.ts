import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const parameterRequiredChanged = defineCheck({
  id: "parameter-required-changed",
  levels: ["breaking", "info"],
  description:
    "A parameter that became required is missing from old calls that left it out, which no longer compile: breaking. One that became optional: info.",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.parametersModified.flatMap((p) => {
        if (!p.requiredChanged) return [];
        const where = `${p.new.in} parameter ${p.new.name}`;
        const pointers = pointersOf(diff.documents, p.old, p.new);
        return [
          p.requiredChanged.to
            ? operationChange("breaking", op.new.model, `${where} became required`, ["Params", "Input"], pointers, false)
            : operationChange("info", op.new.model, `${where} became optional`, ["Params", "Input"], pointers, true),
        ];
      }),
    ),
});

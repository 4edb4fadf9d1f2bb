import { operationChange, type Check } from "../change.js";

export const parameterRequiredChanged: Check = {
  id: "parameter-required-changed",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.parametersModified.flatMap((p) => {
        if (!p.requiredChanged) return [];
        const where = `${p.new.in} parameter ${p.new.name}`;
        return [
          p.requiredChanged.to
            ? operationChange("parameter-required-changed", "breaking", op.new.model, `${where} became required`, ["Params", "Input"], false)
            : operationChange("parameter-required-changed", "info", op.new.model, `${where} became optional`, ["Params", "Input"], true),
        ];
      }),
    ),
};

import { operationChange, type Check } from "../change.js";

export const parameterAdded: Check = {
  id: "parameter-added",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.parametersAdded.map((p) =>
        p.required
          ? operationChange("parameter-added", "breaking", op.new.model, `new required ${p.in} parameter ${p.name}`, ["Params", "Input"], false)
          : operationChange("parameter-added", "info", op.new.model, `new optional ${p.in} parameter ${p.name}`, ["Params", "Input"], true),
      ),
    ),
};

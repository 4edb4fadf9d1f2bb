import { operationChange, type Check } from "../change.js";

export const parameterRemoved: Check = {
  id: "parameter-removed",
  run: (diff) =>
    diff.matched.flatMap((op) => op.parametersRemoved.map((p) => operationChange("parameter-removed", "warning", op.new.model, `${p.in} parameter ${p.name} removed: the server ignores it now`, ["Params", "Input"]))),
};

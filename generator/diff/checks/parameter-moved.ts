import { operationChange, type Check } from "../change.js";

export const parameterMoved: Check = {
  id: "parameter-moved",
  run: (diff) =>
    diff.matched.flatMap((op) => op.parametersMoved.map((m) => operationChange("parameter-moved", "breaking", op.new.model, `parameter ${m.name} moved from ${m.from} to ${m.to}`, ["Params", "Input"], false))),
};

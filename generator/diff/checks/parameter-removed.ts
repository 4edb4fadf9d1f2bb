import { operationChange, type Check } from "../change.js";

/**
 * A removed parameter leaves the method's input type, so a call that passes it, an object
 * literal, fails TypeScript's excess-property check: breaking.
 */
export const parameterRemoved: Check = {
  id: "parameter-removed",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.parametersRemoved.map((p) => operationChange("parameter-removed", "breaking", op.new.model, `${p.in} parameter ${p.name} removed: calls that pass it no longer compile`, ["Params", "Input"], false)),
    ),
};

import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const parameterRemoved = defineCheck({
  id: "parameter-removed",
  levels: ["breaking"],
  description:
    "A removed parameter leaves the method's input type, so a call that passes it, an object literal, fails TypeScript's excess-property check. Breaking.",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.parametersRemoved.map((p) =>
        operationChange(
          "breaking",
          op.new.model,
          `${p.in} parameter ${p.name} removed: calls that pass it no longer compile`,
          ["Params", "Input"],
          pointersOf(diff.documents, p, undefined),
          false,
        ),
      ),
    ),
});

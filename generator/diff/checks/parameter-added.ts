import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const parameterAdded = defineCheck({
  id: "parameter-added",
  levels: ["breaking", "info"],
  description: "A new required parameter is missing from old calls, which no longer compile: breaking. A new optional one: info.",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.parametersAdded.map((p) =>
        p.required
          ? operationChange(
              "breaking",
              op.new.model,
              `new required ${p.in} parameter ${p.name}`,
              ["Params", "Input"],
              pointersOf(diff.documents, undefined, p),
              false,
            )
          : operationChange(
              "info",
              op.new.model,
              `new optional ${p.in} parameter ${p.name}`,
              ["Params", "Input"],
              pointersOf(diff.documents, undefined, p),
              true,
            ),
      ),
    ),
});

import { takesInput } from "../../normalize/public-names.js";
import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const callShapeChanged = defineCheck({
  id: "call-shape-changed",
  levels: ["breaking"],
  description:
    "A method without parameters or body takes its call options first: m(options). When it gains an input, even an optional one, it becomes m(input, options): calls that pass options no longer compile (in JavaScript, options passed first are still honoured while the input is optional, and refused with a TypeError once it is required). When it loses its input, calls that pass one no longer compile. Both breaking.",
  run: (diff) =>
    diff.matched.flatMap((op) => {
      const [before, after] = [takesInput(op.old.model), takesInput(op.new.model)];
      if (before === after) return [];
      const method = `${op.new.model.namespace}.${op.new.model.name}`;
      const pointers = pointersOf(diff.documents, op.old.raw, op.new.raw);
      return [
        after
          ? operationChange(
              "breaking",
              op.new.model,
              `${method}() now takes an input first: calls that pass options must become ${method}(undefined, options)`,
              ["Input"],
              pointers,
              false,
            )
          : operationChange(
              "breaking",
              op.new.model,
              `${method}() no longer takes an input: calls must become ${method}() or ${method}(options)`,
              ["Input"],
              pointers,
              false,
            ),
      ];
    }),
});

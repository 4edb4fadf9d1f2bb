import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const pathParameterRenamed = defineCheck({
  id: "path-parameter-renamed",
  levels: ["breaking"],
  description:
    "The same endpoint with a renamed path parameter ({sid} → {server_id}). The wire is the same, but the key of the method's path input changes, so old calls no longer compile. Breaking.",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.pathParameterRenames.map((r) => {
        const named = (parameters: typeof op.old.parameters, name: string) => parameters.find((p) => p.in === "path" && p.name === name);
        const pointers = pointersOf(diff.documents, named(op.old.parameters, r.from), named(op.new.parameters, r.to));
        return operationChange(
          "breaking",
          op.new.model,
          `path parameter {${r.from}} renamed to {${r.to}}: the \`path\` input key changes, so calls that pass ${r.from} no longer compile`,
          ["Params", "Input"],
          pointers,
          false,
        );
      }),
    ),
});

import { operationChange, type Check } from "../change.js";

export const pathParameterRenamed: Check = {
  id: "path-parameter-renamed",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.pathParameterRenames.map((r) => operationChange("path-parameter-renamed", "warning", op.new.model, `path parameter {${r.from}} renamed to {${r.to}}: the \`path\` input key changes`, ["Params", "Input"])),
    ),
};

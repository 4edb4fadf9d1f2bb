import { operationChange, type Check } from "../change.js";

/**
 * The same endpoint with a renamed path parameter (`{sid}` → `{server_id}`). The wire is the
 * same, but the key of the method's `path` input changes, so old calls stop compiling: breaking.
 */
export const pathParameterRenamed: Check = {
  id: "path-parameter-renamed",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.pathParameterRenames.map((r) =>
        operationChange("path-parameter-renamed", "breaking", op.new.model, `path parameter {${r.from}} renamed to {${r.to}}: the \`path\` input key changes, so calls that pass ${r.from} no longer compile`, ["Params", "Input"], false),
      ),
    ),
};

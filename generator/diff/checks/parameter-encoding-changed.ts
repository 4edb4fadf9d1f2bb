import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const parameterEncodingChanged = defineCheck({
  id: "parameter-encoding-changed",
  levels: ["breaking", "info"],
  description:
    "How a parameter is written into the request: its `style` and `explode` (defaults filled in, so `form` ≡ none on a query parameter) and `allowEmptyValue`. Old calls compile either way, but a server that reads another style or explode parses what they send differently, and one that no longer allows an empty value rejects it: breaking. An empty value newly allowed: info.",
  run: (diff) =>
    diff.matched.flatMap((op) =>
      op.parametersModified.flatMap((p) =>
        (p.encoding ?? []).map(({ keyword, from, to }) => {
          const where = `${p.new.in} parameter ${p.new.name}`;
          const level = keyword === "allowEmptyValue" && to === true ? "info" : "breaking";
          return operationChange(
            level,
            op.new.model,
            `${where}: ${keyword} changed from ${from} to ${to}`,
            ["Params", "Input"],
            pointersOf(diff.documents, p.old, p.new),
            true,
          );
        }),
      ),
    ),
});

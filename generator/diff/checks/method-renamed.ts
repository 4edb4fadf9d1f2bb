import { defineCheck, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

export const methodRenamed = defineCheck({
  id: "method-renamed",
  levels: ["breaking"],
  description:
    "The same endpoint under another generated method name (a new operationId or tag, or a name collision): calls under the old name no longer compile. Breaking.",
  run: (diff) =>
    diff.matched.flatMap((op) => {
      const [before, after] = [op.old.model, op.new.model];
      if (before.namespace === after.namespace && before.name === after.name) return [];
      return [
        operationChange(
          "breaking",
          after,
          `client method renamed from ${before.namespace}.${before.name}() to ${after.namespace}.${after.name}()`,
          ["Input", "Response"],
          pointersOf(diff.documents, op.old.raw, op.new.raw),
          false,
        ),
      ];
    }),
});

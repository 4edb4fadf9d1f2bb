import { operationChange, type Check } from "../change.js";

/** The same endpoint under another generated name breaks every call site. */
export const methodRenamed: Check = {
  id: "method-renamed",
  run: (diff) =>
    diff.matched.flatMap((op) => {
      const [before, after] = [op.old.model, op.new.model];
      if (before.namespace === after.namespace && before.name === after.name) return [];
      return [operationChange("method-renamed", "breaking", after, `client method renamed from ${before.namespace}.${before.name}() to ${after.namespace}.${after.name}()`, ["Input", "Response"], false)];
    }),
};

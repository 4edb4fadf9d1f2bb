import { operationChange, type Change, type Check } from "../change.js";
import { schemaSites } from "../schema-sites.js";

/** A different type breaks both directions; a different format (int32 → int64) deserves a look. */
export const typeChanged: Check = {
  id: "type-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Change[] = [];
      const { type, format } = site.diff;
      if (type) changes.push(operationChange("type-changed", "breaking", site.operation, `${site.location}: type changed from ${type.from} to ${type.to}`, site.kinds));
      if (format) changes.push(operationChange("type-changed", "warning", site.operation, `${site.location}: format changed from ${format.from || "(none)"} to ${format.to || "(none)"}`, site.kinds));
      return changes;
    }),
};

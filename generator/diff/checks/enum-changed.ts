import { operationChange, type Change, type Check } from "../change.js";
import { schemaSites } from "../schema-sites.js";

/**
 * Request: a removed value breaks callers that send it. Response: a new value breaks
 * exhaustive `switch` statements over the union type.
 */
export const enumChanged: Check = {
  id: "enum-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Change[] = [];
      const list = (values: string[]) => values.join(", ");
      const { enumAdded = [], enumRemoved = [] } = site.diff;
      if (enumRemoved.length > 0) {
        changes.push(operationChange("enum-changed", site.direction === "request" ? "breaking" : "info", site.operation, `${site.location}: enum values removed: ${list(enumRemoved)}`, site.kinds));
      }
      if (enumAdded.length > 0) {
        changes.push(operationChange("enum-changed", site.direction === "response" ? "warning" : "info", site.operation, `${site.location}: enum values added: ${list(enumAdded)}`, site.kinds));
      }
      return changes;
    }),
};

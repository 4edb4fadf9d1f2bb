import type { Change, Check } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

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
        changes.push(siteChange("enum-changed", site.direction === "request" ? "breaking" : "info", site, `${site.location}: enum values removed: ${list(enumRemoved)}`));
      }
      if (enumAdded.length > 0) {
        changes.push(siteChange("enum-changed", site.direction === "response" ? "warning" : "info", site, `${site.location}: enum values added: ${list(enumAdded)}`));
      }
      return changes;
    }),
};

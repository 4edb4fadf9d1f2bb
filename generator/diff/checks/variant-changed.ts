import type { Change, Check } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

/**
 * `oneOf`/`anyOf` alternatives. Request: a removed one breaks callers that send it. Response:
 * a new one breaks code that handles every alternative, like a new enum value.
 */
export const variantChanged: Check = {
  id: "variant-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Change[] = [];
      for (const label of site.diff.variantsRemoved ?? []) {
        changes.push(siteChange("variant-changed", site.direction === "request" ? "breaking" : "info", site, `${site.location}: alternative ${label} removed`));
      }
      for (const label of site.diff.variantsAdded ?? []) {
        changes.push(siteChange("variant-changed", site.direction === "response" ? "warning" : "info", site, `${site.location}: alternative ${label} added`));
      }
      return changes;
    }),
};

import type { Check } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

export const nullableChanged: Check = {
  id: "nullable-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const change = site.diff.nullable;
      if (!change) return [];
      // A response that may be null fails old readers under strictNullChecks; a request that may not fails old calls that send null.
      const breaking = site.direction === "response" ? change.to : !change.to;
      return [siteChange("nullable-changed", breaking ? "breaking" : "info", site, `${site.location} ${change.to ? "may now be null" : "can no longer be null"}`, !breaking)];
    }),
};

import type { Check } from "../change.js";
import { child, schemaSites, siteChange } from "../schema-sites.js";

/** Request: newly required breaks callers. Response: newly optional breaks readers. */
export const propertyRequiredChanged: Check = {
  id: "property-required-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => [
      ...(site.diff.becameRequired ?? []).map((name) =>
        siteChange("property-required-changed", site.direction === "request" ? "breaking" : "info", site, `property ${child(site.location, name)} became required`),
      ),
      ...(site.diff.becameOptional ?? []).map((name) =>
        siteChange("property-required-changed", site.direction === "response" ? "breaking" : "info", site, `property ${child(site.location, name)} became optional`),
      ),
    ]),
};

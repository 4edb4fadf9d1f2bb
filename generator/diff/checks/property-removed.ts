import type { Check } from "../change.js";
import { child, schemaSites, siteChange } from "../schema-sites.js";

export const propertyRemoved: Check = {
  id: "property-removed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.propertiesRemoved ?? []).map(({ name }) =>
        site.direction === "response"
          ? siteChange("property-removed", "breaking", site, `property ${child(site.location, name)} removed: code that reads it gets undefined`)
          : siteChange("property-removed", "warning", site, `property ${child(site.location, name)} removed: the server ignores it now`),
      ),
    ),
};

import type { Check } from "../change.js";
import { child, schemaSites, siteChange } from "../schema-sites.js";

export const propertyAdded: Check = {
  id: "property-added",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.propertiesAdded ?? []).map(({ name, required }) => {
        const where = child(site.location, name);
        return site.direction === "request" && required
          ? siteChange("property-added", "breaking", site, `new required property ${where}`, false)
          : siteChange("property-added", "info", site, `new ${required ? "" : "optional "}property ${where}`, true);
      }),
    ),
};

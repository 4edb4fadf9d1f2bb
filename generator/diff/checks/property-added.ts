import { defineCheck } from "../change.js";
import { child, schemaSites, siteChange } from "../schema-sites.js";

export const propertyAdded = defineCheck({
  id: "property-added",
  levels: ["breaking", "info"],
  description:
    "A new required request property is missing from old calls, which no longer compile: breaking. A new optional request property, and any new response property: info.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.propertiesAdded ?? []).map(({ name, required, pointers }) => {
        const where = child(site.location, name);
        return site.direction === "request" && required
          ? siteChange("breaking", site, `new required property ${where}`, false, pointers)
          : siteChange("info", site, `new ${required ? "" : "optional "}property ${where}`, true, pointers);
      }),
    ),
});

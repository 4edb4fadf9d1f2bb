import { operationChange, type Check } from "../change.js";
import { child, schemaSites } from "../schema-sites.js";

export const propertyAdded: Check = {
  id: "property-added",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.propertiesAdded ?? []).map(({ name, required }) => {
        const where = child(site.location, name);
        return site.direction === "request" && required
          ? operationChange("property-added", "breaking", site.operation, `new required property ${where}`, site.kinds)
          : operationChange("property-added", "info", site.operation, `new ${required ? "" : "optional "}property ${where}`, site.kinds);
      }),
    ),
};

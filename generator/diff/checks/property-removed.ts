import { operationChange, type Check } from "../change.js";
import { child, schemaSites } from "../schema-sites.js";

export const propertyRemoved: Check = {
  id: "property-removed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.propertiesRemoved ?? []).map(({ name }) =>
        site.direction === "response"
          ? operationChange("property-removed", "breaking", site.operation, `property ${child(site.location, name)} removed: code that reads it gets undefined`, site.kinds)
          : operationChange("property-removed", "warning", site.operation, `property ${child(site.location, name)} removed: the server ignores it now`, site.kinds),
      ),
    ),
};

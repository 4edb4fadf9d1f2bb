import { operationChange, type Check } from "../change.js";
import { child, schemaSites } from "../schema-sites.js";

/** Request: newly required breaks callers. Response: newly optional breaks readers. */
export const propertyRequiredChanged: Check = {
  id: "property-required-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => [
      ...(site.diff.becameRequired ?? []).map((name) =>
        operationChange("property-required-changed", site.direction === "request" ? "breaking" : "info", site.operation, `property ${child(site.location, name)} became required`, site.kinds),
      ),
      ...(site.diff.becameOptional ?? []).map((name) =>
        operationChange("property-required-changed", site.direction === "response" ? "breaking" : "info", site.operation, `property ${child(site.location, name)} became optional`, site.kinds),
      ),
    ]),
};

import type { Check } from "../change.js";
import { child, schemaSites, siteChange } from "../schema-sites.js";

/**
 * Request: a newly required property is missing from old calls, which stop compiling. Response:
 * a newly optional one may be undefined, so old code that uses it stops compiling under
 * `strictNullChecks`. Both breaking; the opposite moves are info.
 */
export const propertyRequiredChanged: Check = {
  id: "property-required-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => [
      ...(site.diff.becameRequired ?? []).map((name) =>
        site.direction === "request"
          ? siteChange("property-required-changed", "breaking", site, `property ${child(site.location, name)} became required`, false)
          : siteChange("property-required-changed", "info", site, `property ${child(site.location, name)} became required`, true),
      ),
      ...(site.diff.becameOptional ?? []).map((name) =>
        site.direction === "response"
          ? siteChange("property-required-changed", "breaking", site, `property ${child(site.location, name)} became optional`, false)
          : siteChange("property-required-changed", "info", site, `property ${child(site.location, name)} became optional`, true),
      ),
    ]),
};

import { defineCheck } from "../change.js";
import { child, schemaSites, siteChange } from "../schema-sites.js";

export const propertyRequiredChanged = defineCheck({
  id: "property-required-changed",
  levels: ["breaking", "info"],
  description:
    "A request property that became required is missing from old calls, which no longer compile; a response property that became optional may be undefined, so old code that uses it no longer compiles under strictNullChecks: both breaking. The opposite moves: info.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => [
      ...(site.diff.becameRequired ?? []).map((name) =>
        site.direction === "request"
          ? siteChange("breaking", site, `property ${child(site.location, name)} became required`, false)
          : siteChange("info", site, `property ${child(site.location, name)} became required`, true),
      ),
      ...(site.diff.becameOptional ?? []).map((name) =>
        site.direction === "response"
          ? siteChange("breaking", site, `property ${child(site.location, name)} became optional`, false)
          : siteChange("info", site, `property ${child(site.location, name)} became optional`, true),
      ),
    ]),
});

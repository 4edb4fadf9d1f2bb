import { defineCheck } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

export const nullableChanged = defineCheck({
  id: "nullable-changed",
  levels: ["breaking", "info"],
  description:
    'Nullability (nullable: true, or OpenAPI 3.1\'s type list with "null" and oneOf/anyOf with { type: "null" }). A response value that may now be null fails old readers under strictNullChecks, and a request value that may no longer be null fails old calls that send null: both breaking (old code no longer compiles). The opposite moves: info.',
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const change = site.diff.nullable;
      if (!change) return [];
      // A response that may be null fails old readers under strictNullChecks; a request that may not fails old calls that send null.
      const breaking = site.direction === "response" ? change.to : !change.to;
      return [siteChange(breaking ? "breaking" : "info", site, `${site.location} ${change.to ? "may now be null" : "can no longer be null"}`, !breaking)];
    }),
});

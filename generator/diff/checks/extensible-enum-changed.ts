import { defineCheck, type Finding } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

export const extensibleEnumChanged = defineCheck({
  id: "extensible-enum-changed",
  levels: ["breaking", "info"],
  description:
    "x-extensible-enum lists the known values of an open set, which clients must expect to grow; the types say string, so old code compiles. A value removed from a request is one the server no longer accepts: breaking. Any other change: info.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Finding[] = [];
      const { extensibleEnumAdded = [], extensibleEnumRemoved = [] } = site.diff;
      if (extensibleEnumRemoved.length > 0) {
        const level = site.direction === "request" ? "breaking" : "info";
        changes.push(siteChange(level, site, `${site.location}: x-extensible-enum values removed: ${extensibleEnumRemoved.join(", ")}`, true));
      }
      if (extensibleEnumAdded.length > 0)
        changes.push(siteChange("info", site, `${site.location}: x-extensible-enum values added: ${extensibleEnumAdded.join(", ")}`, true));
      return changes;
    }),
});

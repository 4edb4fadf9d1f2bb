import type { Change, Check } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

/**
 * `x-extensible-enum` lists the known values of an open set (Zalando's guideline): the types say
 * `string`, so nothing stops compiling. A value removed from a request is one the server no
 * longer accepts: breaking. Clients must already expect new values in a response, and removed
 * ones there or new ones in a request change nothing for them: info.
 */
export const extensibleEnumChanged: Check = {
  id: "extensible-enum-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Change[] = [];
      const { extensibleEnumAdded = [], extensibleEnumRemoved = [] } = site.diff;
      if (extensibleEnumRemoved.length > 0) {
        const level = site.direction === "request" ? "breaking" : "info";
        changes.push(siteChange("extensible-enum-changed", level, site, `${site.location}: x-extensible-enum values removed: ${extensibleEnumRemoved.join(", ")}`, true));
      }
      if (extensibleEnumAdded.length > 0) changes.push(siteChange("extensible-enum-changed", "info", site, `${site.location}: x-extensible-enum values added: ${extensibleEnumAdded.join(", ")}`, true));
      return changes;
    }),
};

import type { Change, Check } from "../change.js";
import { choiceLevels, schemaSites, siteChange } from "../schema-sites.js";

/** Enum values added and removed, judged as choices (see choiceLevels). */
export const enumChanged: Check = {
  id: "enum-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Change[] = [];
      const levels = choiceLevels(site);
      const { enumAdded = [], enumRemoved = [] } = site.diff;
      if (enumRemoved.length > 0) changes.push(siteChange("enum-changed", levels.removed, site, `${site.location}: enum values removed: ${enumRemoved.join(", ")}`));
      if (enumAdded.length > 0) changes.push(siteChange("enum-changed", levels.added, site, `${site.location}: enum values added: ${enumAdded.join(", ")}`));
      return changes;
    }),
};

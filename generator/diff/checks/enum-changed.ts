import type { Change, Check } from "../change.js";
import { ANY_VALUE } from "../schema-diff.js";
import { choiceLevels, schemaSites, siteChange, type Verdict } from "../schema-sites.js";

/**
 * Enum values added and removed, judged as choices (see choiceLevels), with one difference: a
 * value removed from a response leaves the union type, so old code that compares with it
 * (`state === "DOWN"`, a `case "DOWN":`) stops compiling: breaking. A response enum dropped
 * altogether widens the type to `string`, which old code may or may not assign to the union.
 */
export const enumChanged: Check = {
  id: "enum-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Change[] = [];
      const levels = choiceLevels(site);
      const { enumAdded = [], enumRemoved = [] } = site.diff;
      const response = site.direction === "response";
      const removed: Verdict = response && !enumRemoved.includes(ANY_VALUE) ? { level: "breaking", compiles: false } : levels.removed;
      const added: Verdict = response && enumAdded.includes(ANY_VALUE) ? { level: "warning" } : levels.added;
      if (enumRemoved.length > 0) changes.push(siteChange("enum-changed", removed.level, site, `${site.location}: enum values removed: ${enumRemoved.join(", ")}`, removed.compiles));
      if (enumAdded.length > 0) changes.push(siteChange("enum-changed", added.level, site, `${site.location}: enum values added: ${enumAdded.join(", ")}`, added.compiles));
      return changes;
    }),
};

import { defineCheck, type Finding } from "../change.js";
import { ANY_VALUE } from "../schema-diff.js";
import { REQUEST_CHOICES, schemaSites, siteChange, type Verdict } from "../schema-sites.js";

export const enumChanged = defineCheck({
  id: "enum-changed",
  levels: ["breaking", "warning", "info"],
  description:
    'Enum values. Request: a removed value (or an enum that appears) leaves the union type, so a call that sends it no longer compiles: breaking; a new value: info. Response: a removed value leaves the union type, so old code that compares with it (state === "DOWN", case "DOWN":) no longer compiles: breaking; a new value compiles, but an old call that receives it stops working: a client with validate: "strict" refuses the answer (its validators know only the old values), and code that handles every value (an exhaustive switch) has no branch for it: breaking; an enum dropped altogether widens the type to string: warning; one that appears: info.',
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Finding[] = [];
      const { enumAdded = [], enumRemoved = [] } = site.diff;
      const levels = site.direction === "request" ? REQUEST_CHOICES : responseLevels(enumAdded, enumRemoved);
      if (enumRemoved.length > 0)
        changes.push(siteChange(levels.removed.level, site, `${site.location}: enum values removed: ${enumRemoved.join(", ")}`, levels.removed.compiles));
      if (enumAdded.length > 0)
        changes.push(siteChange(levels.added.level, site, `${site.location}: enum values added: ${enumAdded.join(", ")}`, levels.added.compiles));
      return changes;
    }),
});

function responseLevels(added: string[], removed: string[]): { removed: Verdict; added: Verdict } {
  return {
    removed: removed.includes(ANY_VALUE) ? { level: "info" } : { level: "breaking", compiles: false },
    added: added.includes(ANY_VALUE) ? { level: "warning" } : { level: "breaking", compiles: true },
  };
}

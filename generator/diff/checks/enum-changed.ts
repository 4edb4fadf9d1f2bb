import { defineCheck, type Finding } from "../change.js";
import { ANY_VALUE } from "../schema-diff.js";
import { REQUEST_CHOICES, schemaSites, siteChange, type Verdict } from "../schema-sites.js";

export const enumChanged = defineCheck({
  id: "enum-changed",
  levels: ["breaking", "warning", "info"],
  description:
    'Enum values. Request: a removed value (or an enum that appears) leaves the union type, so a call that sends it no longer compiles: breaking; a new value: info. Response: a removed value leaves the union type, so old code that compares with it (state === "DOWN", case "DOWN":) no longer compiles: breaking; a new value, or an enum dropped altogether (any string now), compiles, but an old call that receives such a value stops working: a client with validate: "strict" refuses the answer (its validators know only the old values), and code that handles every value (an exhaustive switch) has no branch for it: breaking. In a response header, which is read as a plain string and not validated: a new value is a warning, a removed one info. An enum that appears: info.',
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Finding[] = [];
      const { enumAdded = [], enumRemoved = [] } = site.diff;
      const levels = site.direction === "request" ? REQUEST_CHOICES : responseLevels(enumRemoved, site.untyped === true);
      if (enumRemoved.length > 0)
        changes.push(siteChange(levels.removed.level, site, `${site.location}: enum values removed: ${enumRemoved.join(", ")}`, levels.removed.compiles));
      if (enumAdded.length > 0)
        changes.push(siteChange(levels.added.level, site, `${site.location}: enum values added: ${enumAdded.join(", ")}`, levels.added.compiles));
      return changes;
    }),
});

/** A response's verdicts; `untyped`: a header, which code reads as a string and no validator checks. */
function responseLevels(removed: string[], untyped: boolean): { removed: Verdict; added: Verdict } {
  return {
    removed: removed.includes(ANY_VALUE) || untyped ? { level: "info" } : { level: "breaking", compiles: false },
    added: untyped ? { level: "warning" } : { level: "breaking", compiles: true },
  };
}

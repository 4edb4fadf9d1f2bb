import { defineCheck } from "../change.js";
import { REQUEST_CHOICES, schemaSites, siteChange, type Verdict } from "../schema-sites.js";

/** Responses: a new alternative widens the union, a removed one narrows it (see the description). */
const RESPONSE_CHOICES: { removed: Verdict; added: Verdict } = { removed: { level: "info" }, added: { level: "breaking", compiles: false } };

export const variantChanged = defineCheck({
  id: "variant-changed",
  levels: ["breaking", "info"],
  description:
    'oneOf/anyOf alternatives. Request: a removed alternative leaves the union type, so a call that sends it no longer compiles: breaking; a new one: info. Response: a new alternative widens the union, so old code that tells the alternatives apart (if ("meow" in pet) … else pet.bark) no longer compiles: breaking; a removed one only narrows what old code handles: info.',
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const levels = site.direction === "request" ? REQUEST_CHOICES : RESPONSE_CHOICES;
      return [
        ...(site.diff.variantsRemoved ?? []).map((label) =>
          siteChange(levels.removed.level, site, `${site.location}: alternative ${label} removed`, levels.removed.compiles),
        ),
        ...(site.diff.variantsAdded ?? []).map((label) =>
          siteChange(levels.added.level, site, `${site.location}: alternative ${label} added`, levels.added.compiles),
        ),
      ];
    }),
});

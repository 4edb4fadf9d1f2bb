import type { Check } from "../change.js";
import { choiceLevels, schemaSites, siteChange } from "../schema-sites.js";

/** `oneOf`/`anyOf` alternatives added and removed, judged as choices (see choiceLevels). */
export const variantChanged: Check = {
  id: "variant-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const levels = choiceLevels(site);
      return [
        ...(site.diff.variantsRemoved ?? []).map((label) => siteChange("variant-changed", levels.removed.level, site, `${site.location}: alternative ${label} removed`, levels.removed.compiles)),
        ...(site.diff.variantsAdded ?? []).map((label) => siteChange("variant-changed", levels.added.level, site, `${site.location}: alternative ${label} added`, levels.added.compiles)),
      ];
    }),
};

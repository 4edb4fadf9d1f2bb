import type { Check } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

/**
 * A request parameter's or property's `default`: the value the server assumes when a call
 * leaves it out. When it changes, or appears or goes, the same call (which still compiles)
 * asks for something else, say a page size of 10 instead of 100: breaking, as it no longer
 * works as before. In a response a default only documents the server; info.
 */
export const defaultChanged: Check = {
  id: "default-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const change = site.diff.default;
      if (!change) return [];
      const describe = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));
      const level = site.direction === "request" ? "breaking" : "info";
      const effect = site.direction === "request" ? ": calls that leave it out get the new behaviour" : "";
      return [siteChange("default-changed", level, site, `${site.location}: default changed from ${describe(change.from)} to ${describe(change.to)}${effect}`, true)];
    }),
};

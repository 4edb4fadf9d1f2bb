import { defineCheck } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

export const defaultChanged = defineCheck({
  id: "default-changed",
  levels: ["breaking", "info"],
  description:
    "A request parameter's or property's default is what the server assumes when a call leaves it out. When it changes, appears or goes, the same call (which still compiles) asks for something else, say a page of 10 instead of 100: breaking. On a required parameter or property, which every call sends, and in a response, where it only documents the server, a default changes nothing: info.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const change = site.diff.default;
      if (!change) return [];
      const describe = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));
      const applies = site.direction === "request" && !site.diff.required;
      const level = applies ? "breaking" : "info";
      const effect = applies ? ": calls that leave it out get the new behaviour" : "";
      return [siteChange(level, site, `${site.location}: default changed from ${describe(change.from)} to ${describe(change.to)}${effect}`, true)];
    }),
});

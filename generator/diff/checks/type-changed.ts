import type { Change, Check, Level } from "../change.js";
import { ANY_TYPE } from "../schema-diff.js";
import { schemaSites, siteChange, type SchemaSite } from "../schema-sites.js";

/** A type that accepts every value of another: `integer` → `number` widens. */
const WIDENS_TO: Record<string, string> = { integer: "number" };
/** Types for which OpenAPI defines no formats, so a format there changes nothing. */
const FORMATLESS = new Set(["boolean", "object", "array"]);

/**
 * A different type breaks both directions, except `integer` ↔ `number` (TypeScript's `number`
 * either way) and a type dropped or added altogether: a request that accepts more is fine
 * (info), a response that may now carry more deserves a look (warning), one that carries
 * less is fine (info). A different format (int32 → int64) deserves a
 * look too, unless the type cannot have one (PMM 2.0's `type: boolean, format: boolean`).
 */
export const typeChanged: Check = {
  id: "type-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Change[] = [];
      const { type, format } = site.diff;
      if (type) changes.push(siteChange("type-changed", typeLevel(site, type.from, type.to), site, `${site.location}: type changed from ${type.from} to ${type.to}`));
      if (format) {
        const level = FORMATLESS.has(format.type) ? "info" : "warning";
        changes.push(siteChange("type-changed", level, site, `${site.location}: format changed from ${format.from || "(none)"} to ${format.to || "(none)"}`));
      }
      return changes;
    }),
};

function typeLevel(site: SchemaSite, from: string, to: string): Level {
  const widens = WIDENS_TO[from] === to || to === ANY_TYPE;
  const narrows = WIDENS_TO[to] === from || from === ANY_TYPE;
  if (site.direction === "request") return widens ? "info" : "breaking";
  return widens ? "warning" : narrows ? "info" : "breaking";
}

import type { Change, Check } from "../change.js";
import { ANY_TYPE } from "../schema-diff.js";
import { schemaSites, siteChange, type SchemaSite, type Verdict } from "../schema-sites.js";

/** A type that accepts every value of another: `integer` → `number` widens. */
const WIDENS_TO: Record<string, string> = { integer: "number" };
/** Types for which OpenAPI defines no formats, so a format there changes nothing. */
const FORMATLESS = new Set(["boolean", "object", "array"]);

/**
 * A different type breaks both directions: old calls send values of the old type, and old
 * code reads the old type; neither compiles. Except: `integer` ↔ `number` is TypeScript's
 * `number` either way (a request that no longer takes fractions still breaks; a response
 * that may now carry them is a warning); a request type
 * dropped altogether accepts everything (info); a response type dropped altogether becomes
 * `unknown`, which old code cannot use without a cast (breaking); a response type appearing
 * where there was none only narrows `unknown` (info). A different format (int32 → int64)
 * leaves the types alone but deserves a look, unless the type cannot have one (PMM 2.0's
 * `type: boolean, format: boolean`); 64-bit integers sent as strings show up as a type change.
 */
export const typeChanged: Check = {
  id: "type-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Change[] = [];
      const { type, format } = site.diff;
      if (type) {
        const verdict = typeVerdict(site, type.from, type.to);
        changes.push(siteChange("type-changed", verdict.level, site, `${site.location}: type changed from ${type.from} to ${type.to}`, verdict.compiles));
      }
      if (format) {
        const level = FORMATLESS.has(format.type) ? "info" : "warning";
        changes.push(siteChange("type-changed", level, site, `${site.location}: format changed from ${format.from || "(none)"} to ${format.to || "(none)"}`, true));
      }
      return changes;
    }),
};

function typeVerdict(site: SchemaSite, from: string, to: string): Verdict {
  const [widens, narrows] = [WIDENS_TO[from] === to, WIDENS_TO[to] === from];
  if (site.direction === "request") {
    if (widens || to === ANY_TYPE) return { level: "info", compiles: true };
    // number → integer: still `number`, but the server now rejects fractions.
    return { level: "breaking", compiles: narrows };
  }
  if (widens) return { level: "warning", compiles: true };
  if (narrows || from === ANY_TYPE) return { level: "info", compiles: true };
  return { level: "breaking", compiles: false };
}

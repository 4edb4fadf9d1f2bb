import type { Check, Level } from "../change.js";
import type { Constraint } from "../schema-diff.js";
import { schemaSites, siteChange, type SchemaSite } from "../schema-sites.js";

/** Limits from above; the others limit from below (`pattern` is neither). */
const UPPER: ReadonlySet<Constraint> = new Set(["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"]);

/**
 * Validation limits (`maxLength`, `minimum`, `pattern`, …). A request limit that tightens
 * rejects values callers send today (breaking); a response limit that loosens lets values
 * through that readers may not expect (warning). A changed pattern cannot be ordered: warning.
 */
export const constraintChanged: Check = {
  id: "constraint-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.constraints ?? []).map(({ name, from, to }) => {
        const describe = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));
        return siteChange("constraint-changed", constraintLevel(site, name, from, to), site, `${site.location}: ${name} changed from ${describe(from)} to ${describe(to)}`);
      }),
    ),
};

function constraintLevel(site: SchemaSite, name: Constraint, from: unknown, to: unknown): Level {
  if (name === "pattern") return "warning";
  const tightens = isTighter(name, from, to);
  if (site.direction === "request") return tightens ? "breaking" : "info";
  return tightens ? "info" : "warning";
}

/** Whether the new limit admits fewer values: a limit added, or moved inwards. */
function isTighter(name: Constraint, from: unknown, to: unknown): boolean {
  if (to === undefined) return false;
  if (from === undefined) return true;
  // OpenAPI 3.0 writes exclusiveMaximum as a boolean beside maximum; true is the tighter one.
  if (typeof from === "boolean" || typeof to === "boolean") return to === true;
  return UPPER.has(name) ? Number(to) < Number(from) : Number(to) > Number(from);
}

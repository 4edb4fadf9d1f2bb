import type { Check, Level } from "../change.js";
import type { Constraint } from "../schema-diff.js";
import { schemaSites, siteChange, type SchemaSite } from "../schema-sites.js";

/** Limits from above; the others limit from below (`pattern` is neither). */
const UPPER: ReadonlySet<Constraint> = new Set(["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"]);

/**
 * Validation limits (`maxLength`, `minimum`, `pattern`, …). The generated types carry none, so
 * old code always compiles. One rule for every limit: in a request, one that tightens (added,
 * moved inwards, or a `pattern` added or changed, which cannot be shown to admit the same
 * strings) rejects values callers send today: breaking; one that loosens is info. In a
 * response, a limit that loosens lets values through that readers may not expect: warning.
 */
export const constraintChanged: Check = {
  id: "constraint-changed",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.constraints ?? []).map(({ name, from, to }) => {
        const describe = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));
        return siteChange("constraint-changed", constraintLevel(site, name, from, to), site, `${site.location}: ${name} changed from ${describe(from)} to ${describe(to)}`, true);
      }),
    ),
};

function constraintLevel(site: SchemaSite, name: Constraint, from: unknown, to: unknown): Level {
  const tightens = isTighter(name, from, to);
  if (site.direction === "request") return tightens ? "breaking" : "info";
  // A response pattern that changed may now let other strings through.
  const patternChanged = name === "pattern" && from !== undefined && to !== undefined;
  return tightens && !patternChanged ? "info" : "warning";
}

/** Whether the new limit may admit fewer values: a limit added, moved inwards, or a pattern changed. */
function isTighter(name: Constraint, from: unknown, to: unknown): boolean {
  if (to === undefined) return false;
  if (from === undefined || name === "pattern") return true;
  // OpenAPI 3.0 writes exclusiveMaximum as a boolean beside maximum; true is the tighter one.
  if (typeof from === "boolean" || typeof to === "boolean") return to === true;
  return UPPER.has(name) ? Number(to) < Number(from) : Number(to) > Number(from);
}

import { defineCheck, type Level } from "../change.js";
import type { Constraint } from "../schema-diff.js";
import { type SchemaSite, schemaSites, siteChange } from "../schema-sites.js";

/** Bounds from above and from below; every other keyword restricts by being there. */
const UPPER: ReadonlySet<Constraint> = new Set(["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties", "maxContains"]);
const LOWER: ReadonlySet<Constraint> = new Set(["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties", "minContains"]);

/** How a keyword's change moves the set of valid values. */
type Effect = "tightens" | "loosens" | "incomparable";

export const constraintChanged = defineCheck({
  id: "constraint-changed",
  levels: ["breaking", "warning", "info"],
  description:
    "Validation keywords (maxLength, minimum, pattern, const, if, contains, …). The types carry none, so old code compiles; what changes is what the server accepts or sends. Request: a keyword that tightens (added, or a bound moved inwards) or changes incomparably (another const or multipleOf) rejects values callers send today: breaking; one that loosens: info. Response: one that loosens or changes incomparably lets through values that code written to the old promise does not expect: breaking; one that tightens: info. A changed pattern is a warning either way: two regular expressions cannot be compared, and most changes fix the expression rather than the values.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.constraints ?? []).map(({ name, from, to }) => {
        const describe = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));
        return siteChange(
          constraintLevel(site, name, effectOf(name, from, to)),
          site,
          `${site.location}: ${name} changed from ${describe(from)} to ${describe(to)}`,
          true,
        );
      }),
    ),
});

function constraintLevel(site: SchemaSite, name: Constraint, effect: Effect): Level {
  if (effect === "incomparable" && name === "pattern") return "warning";
  const harmless: Effect = site.direction === "request" ? "loosens" : "tightens";
  return effect === harmless ? "info" : "breaking";
}

function effectOf(name: Constraint, from: unknown, to: unknown): Effect {
  if (from === undefined) return "tightens";
  if (to === undefined) return "loosens";
  // OpenAPI 3.0 writes exclusiveMaximum as a boolean beside maximum; true is the tighter one.
  if (typeof from === "boolean" && typeof to === "boolean") return to ? "tightens" : "loosens";
  if (typeof from === "number" && typeof to === "number" && (UPPER.has(name) || LOWER.has(name))) {
    return (UPPER.has(name) ? to < from : to > from) ? "tightens" : "loosens";
  }
  // Every multiple of 4 is one of 2: multipleOf 4 → 2 loosens, 2 → 4 tightens, 2 → 3 is neither.
  if (name === "multipleOf" && typeof from === "number" && typeof to === "number") {
    if (Number.isInteger(from / to)) return "loosens";
    if (Number.isInteger(to / from)) return "tightens";
  }
  return "incomparable";
}

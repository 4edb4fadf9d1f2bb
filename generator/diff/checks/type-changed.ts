import { defineCheck, type Finding, type Level } from "../change.js";
import { ANY_TYPE } from "../schema-diff.js";
import { type SchemaSite, schemaSites, siteChange, type Verdict } from "../schema-sites.js";

/** A type that accepts every value of another: `integer` → `number` widens. */
const WIDENS_TO: Record<string, string> = { integer: "number" };
/** Formats that accept every value of another. */
const FORMAT_WIDENS_TO: Record<string, string> = { int32: "int64", float: "double" };
/** Types for which OpenAPI defines no formats, so a format there changes nothing. */
const FORMATLESS = new Set(["boolean", "object", "array"]);

export const typeChanged = defineCheck({
  id: "type-changed",
  levels: ["breaking", "warning", "info"],
  description:
    "Types and formats, judged by the values each version admits. A request type that admits every old value (integer → number, string → string|integer, any type) is info; any other breaks old calls, which no longer compile or, when the TypeScript type stays the same (number → integer), are rejected by the server: breaking. A response type that admits new values breaks old readers, which no longer compile (a union; unknown for a type dropped altogether) or get values they were not written for (fractions in an integer): breaking; one that admits fewer: info. Formats follow the same rule (a new format restricts, a dropped one widens, int32 → int64 widens) without changing the types; on boolean, object and array schemas a format means nothing: info.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Finding[] = [];
      const { type, format } = site.diff;
      if (type) {
        const verdict = typeVerdict(site, type.from, type.to);
        changes.push(siteChange(verdict.level, site, `${site.location}: type changed from ${type.from} to ${type.to}`, verdict.compiles));
      }
      if (format) {
        const level = FORMATLESS.has(format.type) ? "info" : levelFor(site, formatWidens(format.from, format.to), formatWidens(format.to, format.from));
        changes.push(siteChange(level, site, `${site.location}: format changed from ${format.from || "(none)"} to ${format.to || "(none)"}`, true));
      }
      return changes;
    }),
});

/** Whether type `to` admits every value of type `from`. */
function typeWidens(from: string, to: string): boolean {
  if (to === ANY_TYPE) return true;
  if (from === ANY_TYPE) return false;
  const admitted = new Set(to.split("|"));
  return from.split("|").every((t) => admitted.has(t) || admitted.has(WIDENS_TO[t] ?? ""));
}

function formatWidens(from: string, to: string): boolean {
  return to === "" || FORMAT_WIDENS_TO[from] === to;
}

/** Request: only widening is harmless. Response: only narrowing is. */
function levelFor(site: SchemaSite, widens: boolean, narrows: boolean): Level {
  return (site.direction === "request" ? widens : narrows) ? "info" : "breaking";
}

function typeVerdict(site: SchemaSite, from: string, to: string): Verdict {
  const level = levelFor(site, typeWidens(from, to), typeWidens(to, from));
  // `integer` and `number` are both TypeScript's `number`.
  const sameTypeScript = WIDENS_TO[from] === to || WIDENS_TO[to] === from;
  // From `unknown` to a type: whether old calls compile depends on the values they pass.
  if (level === "breaking" && site.direction === "request" && from === ANY_TYPE) return { level };
  return { level, compiles: level === "info" || sameTypeScript };
}

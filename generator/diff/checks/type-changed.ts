import type { Change, Check, Level } from "../change.js";
import { ANY_TYPE } from "../schema-diff.js";
import { schemaSites, siteChange, type SchemaSite, type Verdict } from "../schema-sites.js";

/** A type that accepts every value of another: `integer` → `number` widens. */
const WIDENS_TO: Record<string, string> = { integer: "number" };
/** Formats that accept every value of another. */
const FORMAT_WIDENS_TO: Record<string, string> = { int32: "int64", float: "double" };
/** Types for which OpenAPI defines no formats, so a format there changes nothing. */
const FORMATLESS = new Set(["boolean", "object", "array"]);

/**
 * Types and formats, judged by which values each version admits. A request type that admits
 * every old value (`integer` → `number`, `string` → `string|integer`, any type) is info; any
 * other breaks old calls: they no longer compile when the TypeScript type changed, and the
 * server rejects them when it did not (`number` → `integer`). A response type that admits new
 * values breaks old readers: they no longer compile (a union, or `unknown` for a type dropped
 * altogether) or get values they were not written for (fractions in an `integer`); one that
 * admits fewer is info. Formats follow the same rule (a new format restricts, a dropped one
 * widens, `int32` → `int64` widens, another one is neither) but leave the types alone, so old
 * code compiles; on boolean, object and array schemas a format means nothing (info). 64-bit
 * integers sent as JSON strings show up as a type change, as the generated type says `string`.
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
        const level = FORMATLESS.has(format.type) ? "info" : levelFor(site, formatWidens(format.from, format.to), formatWidens(format.to, format.from));
        changes.push(siteChange("type-changed", level, site, `${site.location}: format changed from ${format.from || "(none)"} to ${format.to || "(none)"}`, true));
      }
      return changes;
    }),
};

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
  return { level, compiles: level === "info" || sameTypeScript };
}

import type { OpenAPIV3 } from "openapi-types";
import { operationChange, type Change, type Check } from "../change.js";

/** What a scheme asks of a client: `http basic`, `apiKey header X-Auth-Token`, `oauth2`. */
function schemeShape(scheme: OpenAPIV3.SecuritySchemeObject | OpenAPIV3.ReferenceObject): string {
  if ("$ref" in scheme) return scheme.$ref;
  if (scheme.type === "http") return `http ${scheme.scheme.toLowerCase()}`;
  if (scheme.type === "apiKey") return `apiKey ${scheme.in} ${scheme.name}`;
  return scheme.type;
}

/** Header names are case-insensitive (`apiKey header X-Key` ≡ `apiKey header x-key`); query and cookie names are not. */
const sameShape = (a: string, b: string) => a === b || (a.startsWith("apiKey header ") && a.toLowerCase() === b.toLowerCase());

const requirementText = (security: OpenAPIV3.SecurityRequirementObject[] | undefined) =>
  JSON.stringify((security ?? []).map((r) => Object.entries(r).map(([name, scopes]) => (scopes.length > 0 ? `${name}(${[...scopes].sort().join(" ")})` : name)).sort()).sort());

/** Security schemes, the API-wide security requirement and operations' own requirements. */
export const authChanged: Check = {
  id: "auth-changed",
  run: (diff) => {
    const changes: Change[] = [];
    const schemes = (d: OpenAPIV3.Document) => d.components?.securitySchemes ?? {};
    const [before, after] = [schemes(diff.old.document), schemes(diff.new.document)];
    for (const name of Object.keys(before).filter((n) => !(n in after))) {
      changes.push({ check: "auth-changed", level: "breaking", message: `security scheme ${name} removed`, typescript: ["ClientOptions.auth"] });
    }
    for (const name of Object.keys(after).filter((n) => !(n in before))) {
      changes.push({ check: "auth-changed", level: "info", message: `security scheme ${name} added`, typescript: ["ClientOptions.auth"] });
    }
    for (const name of Object.keys(after).filter((n) => n in before)) {
      const [was, is] = [schemeShape(before[name]!), schemeShape(after[name]!)];
      if (!sameShape(was, is)) changes.push({ check: "auth-changed", level: "breaking", message: `security scheme ${name} changed from ${was} to ${is}`, typescript: ["ClientOptions.auth"] });
    }
    const [wasRequired, isRequired] = [requirementText(diff.old.document.security), requirementText(diff.new.document.security)];
    if (wasRequired !== isRequired) {
      changes.push({ check: "auth-changed", level: "warning", message: `API-wide security requirement changed from ${wasRequired} to ${isRequired}`, typescript: ["ClientOptions.auth"] });
    }
    for (const op of diff.matched) {
      // An operation without its own `security` follows the API-wide requirement, compared above.
      if (op.old.raw.security === undefined && op.new.raw.security === undefined) continue;
      const [was, is] = [requirementText(op.old.raw.security ?? diff.old.document.security), requirementText(op.new.raw.security ?? diff.new.document.security)];
      if (was !== is) changes.push(operationChange("auth-changed", "warning", op.new.model, `security requirement changed from ${was} to ${is}`, []));
    }
    if (diff.old.auth !== diff.new.auth) {
      changes.push({ check: "auth-changed", level: "breaking", message: `authentication changed from ${diff.old.auth} to ${diff.new.auth}`, typescript: ["ClientOptions.auth"] });
    }
    return changes;
  },
};

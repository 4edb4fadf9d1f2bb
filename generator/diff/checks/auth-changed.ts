import type { OpenAPIV3 } from "openapi-types";
import type { Change, Check } from "../change.js";

/** Security schemes and the API-wide security requirement. */
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
    const requirement = (d: OpenAPIV3.Document) => JSON.stringify((d.security ?? []).map((r) => Object.keys(r).sort()).sort());
    if (requirement(diff.old.document) !== requirement(diff.new.document)) {
      changes.push({ check: "auth-changed", level: "warning", message: `API-wide security requirement changed from ${requirement(diff.old.document)} to ${requirement(diff.new.document)}`, typescript: ["ClientOptions.auth"] });
    }
    if (diff.old.auth !== diff.new.auth) {
      changes.push({ check: "auth-changed", level: "breaking", message: `authentication changed from ${diff.old.auth} to ${diff.new.auth}`, typescript: ["ClientOptions.auth"] });
    }
    return changes;
  },
};

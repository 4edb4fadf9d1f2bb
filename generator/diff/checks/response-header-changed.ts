import { type Change, defineCheck, operationChange } from "../change.js";
import { responseSites } from "../schema-sites.js";

export const responseHeaderChanged = defineCheck({
  id: "response-header-changed",
  levels: ["breaking", "warning", "info"],
  description:
    "Response headers (names compared case-insensitively). Code reads them as strings through response.headers, so it always compiles; but on a success response, a header the spec promised (required) that goes or becomes optional may be missing, and code that relies on it stops working: breaking. Any other header that goes: warning. One that appears or becomes required: info. Header schemas are compared like any schema by the schema checks.",
  run: (diff) =>
    [...responseSites(diff)].flatMap(({ operation, response, success, kinds }) => {
      const changes: Change[] = [];
      const change = (level: Change["level"], message: string) => operationChange("response-header-changed", level, operation, message, kinds, true);
      for (const header of response.headersRemoved) {
        changes.push(change(success && header.required ? "breaking" : "warning", `${response.status} response no longer sends the ${header.required ? "required " : ""}header ${header.name}`));
      }
      for (const header of response.headersModified) {
        if (header.requiredChanged?.to === false) changes.push(change(success ? "breaking" : "warning", `${response.status} response header ${header.name} became optional: it may be missing`));
        if (header.requiredChanged?.to === true) changes.push(change("info", `${response.status} response header ${header.name} became required`));
      }
      for (const header of response.headersAdded) changes.push(change("info", `${response.status} response sends the new header ${header.name}`));
      return changes;
    }),
});

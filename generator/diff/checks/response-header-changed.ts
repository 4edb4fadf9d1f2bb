import { defineCheck, type Finding, operationChange } from "../change.js";
import type { Pointers } from "../pointers.js";
import { responseSites } from "../schema-sites.js";

export const responseHeaderChanged = defineCheck({
  id: "response-header-changed",
  levels: ["breaking", "warning", "info"],
  description:
    "Response headers (names compared case-insensitively). Code reads them as strings from the raw response, which openapi-fetch's calls give for errors too (a 429's Retry-After), so it always compiles; but a header the spec promised (required) that goes or becomes optional may be missing, and code that relies on it stops working: breaking, whatever the status. An optional header that goes: warning. One that appears or becomes required: info. Header schemas are compared like any schema by the schema checks, for every status alike.",
  run: (diff) =>
    [...responseSites(diff)].flatMap(({ operation, response, kinds }) => {
      const changes: Finding[] = [];
      const change = (level: Finding["level"], message: string, pointers: Pointers) => operationChange(level, operation, message, kinds, pointers, true);
      for (const header of response.headersRemoved) {
        changes.push(
          change(
            header.required ? "breaking" : "warning",
            `${response.status} response no longer sends the ${header.required ? "required " : ""}header ${header.name}`,
            header.pointers,
          ),
        );
      }
      for (const header of response.headersModified) {
        if (header.requiredChanged?.to === false)
          changes.push(change("breaking", `${response.status} response header ${header.name} became optional: it may be missing`, header.pointers));
        if (header.requiredChanged?.to === true)
          changes.push(change("info", `${response.status} response header ${header.name} became required`, header.pointers));
      }
      for (const header of response.headersAdded)
        changes.push(change("info", `${response.status} response sends the new header ${header.name}`, header.pointers));
      return changes;
    }),
});

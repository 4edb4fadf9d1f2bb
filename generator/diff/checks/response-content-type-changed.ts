import { defineCheck, type Finding, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";
import { responseSites } from "../schema-sites.js";

export const responseContentTypeChanged = defineCheck({
  id: "response-content-type-changed",
  levels: ["breaking", "warning", "info"],
  description:
    "Response content types. One no longer sent breaks readers of a success response, as the client parses what it gets differently: breaking; in an error response, which code meets only inside an ApiError: warning. A new one: info.",
  run: (diff) =>
    [...responseSites(diff)].flatMap(({ operation, response, success, kinds }) => {
      const changes: Finding[] = [];
      for (const type of response.contentTypesRemoved) {
        changes.push(
          operationChange(
            success ? "breaking" : "warning",
            operation,
            `${response.status} response no longer sent as ${type}`,
            kinds,
            pointersOf(diff.documents, response.old.content?.[type], undefined),
          ),
        );
      }
      for (const type of response.contentTypesAdded) {
        changes.push(
          operationChange(
            "info",
            operation,
            `${response.status} response may be sent as ${type}`,
            kinds,
            pointersOf(diff.documents, undefined, response.new.content?.[type]),
          ),
        );
      }
      return changes;
    }),
});

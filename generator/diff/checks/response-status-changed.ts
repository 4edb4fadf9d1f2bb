import { defineCheck, type Finding, operationChange } from "../change.js";
import { pointersOf } from "../pointers.js";

const isSuccess = (status: string) => /^2/.test(status);

export const responseStatusChanged = defineCheck({
  id: "response-status-changed",
  levels: ["breaking", "warning", "info"],
  description:
    "Status codes. A success status removed: code waiting for that answer gets another one, or an error: breaking. One added widens what the method may resolve to: warning. Error statuses reach code only inside an ApiError: info. Whether old code compiles depends on the bodies, which the schema checks compare.",
  run: (diff) =>
    diff.matched.flatMap((op) => {
      const changes: Finding[] = [];
      const operation = op.new.model;
      for (const status of op.responsesRemoved) {
        const pointers = pointersOf(diff.documents, op.old.raw.responses[status], undefined);
        changes.push(
          isSuccess(status)
            ? operationChange("breaking", operation, `success status ${status} removed`, ["Response"], pointers)
            : operationChange("info", operation, `error status ${status} no longer documented`, ["Error"], pointers),
        );
      }
      for (const status of op.responsesAdded) {
        const pointers = pointersOf(diff.documents, undefined, op.new.raw.responses[status]);
        changes.push(
          isSuccess(status)
            ? operationChange("warning", operation, `success status ${status} added: the response type widens`, ["Response"], pointers)
            : operationChange("info", operation, `error status ${status} documented`, ["Error"], pointers),
        );
      }
      return changes;
    }),
});

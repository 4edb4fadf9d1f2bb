import type { OpenApiDocument } from "../../convert/to-openapi3.js";
import { defineCheck } from "../change.js";
import { pointerOf, pointers } from "../pointers.js";

/** The base path is the first server's path (Swagger 2.0's basePath); a document without servers has none. */
function basePathPointer(document: OpenApiDocument): string | undefined {
  const server = pointerOf(document, document.servers?.[0]);
  return server === undefined ? undefined : `${server}/url`;
}

export const basePathChanged = defineCheck({
  id: "base-path-changed",
  levels: ["warning", "info"],
  description:
    "The base path every operation sits under. Info when only the version segment moves with the client (/api/v9 → /api/v10). Otherwise a warning: a client given an origin follows the new path, but a baseUrl that spells out the old one must change.",
  run: (diff) => {
    const [before, after] = [diff.old.basePath, diff.new.basePath];
    if (before === after) return [];
    const withoutVersion = (path: string) => path.replace(/\/v\d+$/, "");
    const versionOnly = withoutVersion(before) === withoutVersion(after);
    return [
      {
        level: versionOnly ? "info" : "warning",
        message: `base path changed from ${before || "/"} to ${after || "/"}${versionOnly ? " (the version segment)" : ": a baseUrl that includes the path must change"}`,
        typescript: ["ClientOptions.baseUrl"],
        pointers: pointers(basePathPointer(diff.old.document), basePathPointer(diff.new.document)),
      },
    ];
  },
});

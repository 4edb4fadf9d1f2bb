import type { Check } from "../change.js";

/**
 * A new base path moves every operation. Clients given an origin alone follow it; a baseUrl
 * that spells out the path must change, unless only the version segment moved with the client.
 */
export const basePathChanged: Check = {
  id: "base-path-changed",
  run: (diff) => {
    const [before, after] = [diff.old.basePath, diff.new.basePath];
    if (before === after) return [];
    const withoutVersion = (path: string) => path.replace(/\/v\d+$/, "");
    const versionOnly = withoutVersion(before) === withoutVersion(after);
    return [
      {
        check: "base-path-changed",
        level: versionOnly ? "info" : "warning",
        message: `base path changed from ${before || "/"} to ${after || "/"}${versionOnly ? " (the version segment)" : ": a baseUrl that includes the path must change"}`,
        typescript: ["ClientOptions.baseUrl"],
      },
    ];
  },
};

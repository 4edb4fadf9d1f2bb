import { defineCheck, type Finding } from "../change.js";
import { child, schemaSites, siteChange } from "../schema-sites.js";

export const readWriteChanged = defineCheck({
  id: "read-write-changed",
  levels: ["breaking", "info"],
  description:
    "A property's direction (readOnly: only in responses; writeOnly: only in requests). The generated types keep such properties on both sides, so old code compiles either way; what changes is whether a call still works. Request: a property that becomes read-only is ignored by the server now: breaking; a read-only property that becomes a required input is one that old calls, written to leave it to the server, do not really send: breaking; an optional one: info. Response: a property that becomes write-only is no longer returned, so old code that reads it gets undefined, required or not (as for a removed property): breaking; a write-only property now returned: info.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.accessChanged ?? []).flatMap(({ name, from, to, required, pointers }): Finding[] => {
        const where = child(site.location, name);
        const change = (level: "breaking" | "warning" | "info", message: string) => [siteChange(level, site, `property ${where} ${message}`, true, pointers)];
        if (site.direction === "request") {
          if (to === "read") return change("breaking", "became read-only: the server ignores it now");
          if (from === "read")
            return required.to
              ? change("breaking", "is no longer read-only and is required: old calls leave it to the server")
              : change("info", "is no longer read-only: it is taken as input");
          return [];
        }
        // Optional or not, old code reads a value the server no longer sends.
        if (to === "write") return change("breaking", "became write-only: it is no longer returned");
        if (from === "write") return change("info", "is no longer write-only: it is returned now");
        return [];
      }),
    ),
});

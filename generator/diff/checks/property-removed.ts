import { defineCheck } from "../change.js";
import { child, schemaSites, siteChange } from "../schema-sites.js";

export const propertyRemoved = defineCheck({
  id: "property-removed",
  levels: ["breaking", "warning"],
  description:
    "A removed property breaks both directions: code that reads it from a response no longer compiles, and neither does a call that sends it in an object literal (an excess property): breaking. When the request object still admits any other property (additionalProperties), calls compile and the server ignores it: warning.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) =>
      (site.diff.propertiesRemoved ?? []).map(({ name, pointers }) => {
        const where = child(site.location, name);
        if (site.direction === "response")
          return siteChange("breaking", site, `property ${where} removed: code that reads it no longer compiles`, false, pointers);
        return site.diff.open
          ? siteChange(
              "warning",
              site,
              `property ${where} removed: the object still admits other properties, so calls compile; the server ignores it now`,
              true,
              pointers,
            )
          : siteChange("breaking", site, `property ${where} removed: calls that send it no longer compile`, false, pointers);
      }),
    ),
});

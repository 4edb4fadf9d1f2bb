import { defineCheck, type Finding } from "../change.js";
import { schemaSites, siteChange } from "../schema-sites.js";

export const discriminatorChanged = defineCheck({
  id: "discriminator-changed",
  levels: ["breaking", "warning", "info"],
  description:
    "A oneOf/anyOf discriminator: the property that selects the alternative, and its mapping of values to schemas (a bare schema name read as components/schemas/<name>). Another selecting property, or a value that now selects another schema, changes what old payloads mean in both directions: breaking. A discriminator that appears or goes changes how alternatives are told apart: warning. Request: a mapping value removed no longer selects a schema, so the server rejects calls that send it: breaking; a new value: info. Response: a new value is one old code that handles every value was not written for: warning; a removed one: info.",
  run: (diff) =>
    [...schemaSites(diff)].flatMap((site) => {
      const changes: Finding[] = [];
      const { propertyName, mappingAdded = [], mappingRemoved = [], mappingChanged = [] } = site.diff.discriminator ?? {};
      const at = `${site.location}: discriminator`;
      if (propertyName) {
        const [from, to] = [propertyName.from, propertyName.to];
        if (from && to) changes.push(siteChange("breaking", site, `${at} property changed from ${from} to ${to}`));
        else changes.push(siteChange("warning", site, from ? `${at} ${from} removed` : `${at} ${to} added`));
      }
      const request = site.direction === "request";
      if (mappingRemoved.length > 0) changes.push(siteChange(request ? "breaking" : "info", site, `${at} values removed: ${mappingRemoved.join(", ")}`));
      if (mappingAdded.length > 0) changes.push(siteChange(request ? "info" : "warning", site, `${at} values added: ${mappingAdded.join(", ")}`));
      for (const { value, from, to } of mappingChanged)
        changes.push(siteChange("breaking", site, `${at} value ${value} now selects ${to.split("/").at(-1)} instead of ${from.split("/").at(-1)}`));
      return changes;
    }),
});

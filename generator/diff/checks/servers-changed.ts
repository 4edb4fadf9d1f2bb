import { type Change, defineCheck } from "../change.js";
import type { OpenApiDocument } from "../../convert/to-openapi3.js";

export const serversChanged = defineCheck({
  id: "servers-changed",
  levels: ["warning", "info"],
  description:
    "The servers the spec lists (Swagger 2.0's host and schemes). The client takes its server from baseUrl, so a server listed or dropped is info; a spec that stops listing any https:// server is a warning.",
  run: (diff) => {
    const [before, after] = [serverOrigins(diff.old.document), serverOrigins(diff.new.document)];
    const changes: Change[] = [];
    const change = (level: Change["level"], message: string): Change => ({ check: "servers-changed", level, message, typescript: ["ClientOptions.baseUrl"] });
    for (const origin of before) if (!after.has(origin)) changes.push(change("info", `server ${origin} no longer listed`));
    for (const origin of after) if (!before.has(origin)) changes.push(change("info", `server ${origin} listed`));
    const https = (origins: Set<string>) => [...origins].some((origin) => origin.startsWith("https:"));
    if (https(before) && !https(after) && after.size > 0) changes.push(change("warning", "the spec no longer lists an https:// server"));
    return changes;
  },
});

/** Scheme, host and port of each absolute server URL; relative ones (a base path alone) have none. */
function serverOrigins(document: OpenApiDocument): Set<string> {
  const origins = new Set<string>();
  for (const server of document.servers ?? []) {
    const match = /^([a-z][a-z0-9+.-]*:)?\/\/([^/]+)/i.exec(server.url);
    if (match) origins.add(`${match[1] ?? ""}//${match[2]}`);
  }
  return origins;
}

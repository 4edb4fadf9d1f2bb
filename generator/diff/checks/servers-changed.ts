import type { OpenAPIV3 } from "openapi-types";
import type { OpenApiDocument } from "../../convert/to-openapi3.js";
import { defineCheck, type Finding } from "../change.js";
import { type Pointers, pointersOf } from "../pointers.js";

export const serversChanged = defineCheck({
  id: "servers-changed",
  levels: ["warning", "info"],
  description:
    "The servers the spec lists (Swagger 2.0's host and schemes). The client takes its server from baseUrl, so a server listed or dropped is info; a spec that stops listing any https:// server is a warning.",
  run: (diff) => {
    const [before, after] = [serverOrigins(diff.old.document), serverOrigins(diff.new.document)];
    const changes: Finding[] = [];
    const change = (level: Finding["level"], message: string, pointers: Pointers): Finding => ({
      level,
      message,
      typescript: ["ClientOptions.baseUrl"],
      pointers,
    });
    for (const [origin, server] of before)
      if (!after.has(origin)) changes.push(change("info", `server ${origin} no longer listed`, pointersOf(diff.documents, server, undefined)));
    for (const [origin, server] of after)
      if (!before.has(origin)) changes.push(change("info", `server ${origin} listed`, pointersOf(diff.documents, undefined, server)));
    const https = (origins: Map<string, unknown>) => [...origins.keys()].some((origin) => origin.startsWith("https:"));
    if (https(before) && !https(after) && after.size > 0) {
      changes.push(
        change("warning", "the spec no longer lists an https:// server", pointersOf(diff.documents, diff.old.document.servers, diff.new.document.servers)),
      );
    }
    return changes;
  },
});

/** Scheme, host and port of each absolute server URL, with the first server that has it; relative ones (a base path alone) have none. */
function serverOrigins(document: OpenApiDocument): Map<string, OpenAPIV3.ServerObject> {
  const origins = new Map<string, OpenAPIV3.ServerObject>();
  for (const server of document.servers ?? []) {
    const match = /^([a-z][a-z0-9+.-]*:)?\/\/([^/]+)/i.exec(server.url);
    const origin = match ? `${match[1] ?? ""}//${match[2]}` : undefined;
    if (origin !== undefined && !origins.has(origin)) origins.set(origin, server);
  }
  return origins;
}

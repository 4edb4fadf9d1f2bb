import { loadGenerated, type VersionEntry } from "./generated-client.js";

/** Middleware that changes nothing: registering it sends the methods through openapi-fetch. */
const PASS_THROUGH = { onRequest: () => undefined };

/**
 * The two ways a generated method goes to the server: directly (the runtime's direct-request.ts),
 * and through openapi-fetch's client, which it takes once the caller has middleware of their own.
 * Tests of behaviour that both must share run once per route.
 */
export const METHOD_ROUTES = [
  { route: "directly", take: async (_entry: VersionEntry, client: any) => client },
  {
    route: "through openapi-fetch (the caller has middleware)",
    take: async (entry: VersionEntry, client: any) => {
      (await loadGenerated(entry)).pathClient(client).use(PASS_THROUGH);
      return client;
    },
  },
] as const;

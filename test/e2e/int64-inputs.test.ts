import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedPackageCopy } from "../support/generated-package.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { typeCheck } from "../support/typecheck.js";

/**
 * PMM's gateway takes 64-bit integers as numbers or strings and sends them as strings: the
 * generated PMM client accepts both in path, query and body, and types responses as strings.
 */
let dir: string;

beforeAll(async () => {
  ({ dir } = await shippedPackageCopy());
});

describe("PMM int64 inputs", () => {
  it("type-check as numbers or strings, in the query and in nested bodies; responses stay strings", async () => {
    const consumer = path.join(dir, "..", "int64-consumer.ts");
    await writeFile(
      consumer,
      `import { createClient } from "./generated/pmm/v3/index.js";
const pmm = createClient({ baseUrl: "https://pmm.example.com", auth: { token: "t" } });
export async function run(): Promise<void> {
  await pmm.backup.getLogs({ path: { artifact_id: "a1" }, query: { limit: 100, offset: "5" } });
  await pmm.server.updateStatus({ body: { log_offset: 10 } });
  await pmm.server.updateStatus({ body: { log_offset: "10" } });
  await pmm.management.addService({ body: { mysql: { node_id: "n1", service_name: "db", port: 3306, pmm_agent_id: "p", username: "u" } } });
  const status = await pmm.server.updateStatus({ body: {} });
  const offset: string | undefined = status.log_offset;
  // @ts-expect-error a response's int64 arrives as a string
  const asNumber: number | undefined = status.log_offset;
  // @ts-expect-error an int64 input is a number or a string, nothing else
  await pmm.server.updateStatus({ body: { log_offset: true } });
  console.log(offset, asNumber);
}
`,
    );
    // Consumer code only: the package's own declarations are checked with skipLibCheck off in shipped-clients.test.ts.
    expect(typeCheck([consumer], { skipLibCheck: true })).toEqual([]);
  });

  describe("over HTTP", () => {
    let server: Awaited<ReturnType<typeof startRecordingServer>>;
    beforeAll(async () => {
      server = await startRecordingServer((_request, response) => sendJson(response, 200, { log_offset: "12" }));
    });
    afterAll(() => server.close());

    it("sends a number as a number and a string as a string", async () => {
      const { createClient } = await import(pathToFileURL(path.join(dir, "pmm/v3/index.js")).href);
      const pmm = createClient({ baseUrl: server.origin, auth: { token: "t" } });
      expect(await pmm.server.updateStatus({ body: { log_offset: 10 } })).toEqual({ log_offset: "12" });
      await pmm.server.updateStatus({ body: { log_offset: "11" } });
      await pmm.backup.getLogs({ path: { artifact_id: "a1" }, query: { limit: 100, offset: "5" } });
      const [asNumber, asString, query] = server.requests.slice(-3);
      expect(JSON.parse(asNumber!.body)).toEqual({ log_offset: 10 });
      expect(JSON.parse(asString!.body)).toEqual({ log_offset: "11" });
      expect(query).toMatchObject({ method: "GET", path: "/v1/backups/a1/logs", query: { limit: "100", offset: "5" } });
    });
  });
});

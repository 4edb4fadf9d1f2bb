import { afterEach, describe, expect, it } from "vitest";
import { loadGenerated } from "../support/generated-client.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";

/**
 * Call options from JavaScript, where nothing checks the argument order: options passed
 * first to a method whose input is optional are honoured, and options that would be
 * ignored fail the call with a TypeError before anything is sent.
 */
let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A PMM v3 client against a server that answers every call with `{ version }` after `delayMs`. */
async function pmmClient(delayMs = 0) {
  server = await startRecordingServer(async (_request, response) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (!response.destroyed) sendJson(response, 200, { version: "3.8.0" });
  });
  const { createClient } = await loadGenerated("pmm/v3");
  // `any`: these are the calls a JavaScript caller can make and the types forbid.
  const pmm: any = createClient({ baseUrl: server.origin, auth: { token: "t" }, retry: false });
  return pmm;
}

describe("call options passed first to a method whose input is optional", () => {
  it("honours the signal", async () => {
    const pmm = await pmmClient(2_000);
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    await expect(pmm.server.version({ signal: controller.signal })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("honours the headers and the validation mode", async () => {
    const pmm = await pmmClient();
    expect(await pmm.server.version({ headers: { "X-Trace-Id": "trace-1" }, validate: "strict" })).toEqual({ version: "3.8.0" });
    expect(server!.requests[0]!.headers["x-trace-id"]).toBe("trace-1");
    await expect(pmm.server.version({ validate: "loud" })).rejects.toThrow(/validate must be "off", "warn" or "strict"/);
  });

  it("still reads an input that holds no call options as the input", async () => {
    const pmm = await pmmClient();
    await pmm.nodes.getNode({ path: { node_id: "n1" } }, { headers: { "X-Trace-Id": "trace-2" } });
    expect(server!.requests[0]).toMatchObject({ path: "/v1/inventory/nodes/n1", headers: { "x-trace-id": "trace-2" } });
  });

  it("rejects call options mixed into the input, sending nothing", async () => {
    const pmm = await pmmClient();
    const error = await pmm.nodes.getNode({ path: { node_id: "n1" }, signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      "nodes.getNode: its first argument is its input (path, query, header, body), but it holds call options (signal); pass them as the second argument: nodes.getNode(input, options).",
    );
    expect(server!.requests).toHaveLength(0);
  });

  it("rejects call options alone, first, to a method whose input is required, sending nothing", async () => {
    const pmm = await pmmClient();
    const error = await pmm.nodes.getNode({ signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      "nodes.getNode needs its input (path, query, header, body) first, and was given only call options (signal): nodes.getNode(input, options).",
    );
    expect(server!.requests).toHaveLength(0);
  });

  it("rejects call options passed both first and second, sending nothing", async () => {
    const pmm = await pmmClient();
    await expect(pmm.server.version({ headers: { "X-Trace-Id": "a" } }, { validate: "off" })).rejects.toBeInstanceOf(TypeError);
    // A method without input takes its options first, or second after `undefined`; not both.
    await expect(pmm.ha.status({ validate: "off" }, { headers: { "X-Trace-Id": "b" } })).rejects.toThrow(
      "ha.status takes no input, and was given call options twice",
    );
    expect(server!.requests).toHaveLength(0);
    await pmm.ha.status(undefined, { headers: { "X-Trace-Id": "c" } });
    expect(server!.requests[0]!.headers["x-trace-id"]).toBe("c");
  });
});

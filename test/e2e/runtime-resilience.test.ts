import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY, retryAfterDelay } from "../../templates/runtime/transport/retry-policy.js";
import { loadGenerated, recordingLogger } from "../support/generated-client.js";
import { type RecordedRequest, sendJson, startRecordingServer } from "../support/recording-server.js";

/**
 * Retries, Retry-After, timeouts and aborts, through the generated PMM v3 client against
 * a server on 127.0.0.1 that answers from a script.
 */
type Step = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;
const ok: Step = (_request, response) => sendJson(response, 200, { generic: [] });
const unavailable =
  (retryAfter?: string): Step =>
  (_request, response) =>
    sendJson(response, 503, { code: 14, message: "unavailable" }, retryAfter ? { "Retry-After": retryAfter } : {});
const drop: Step = (_request, response) => void response.socket?.destroy();
const delay =
  (ms: number): Step =>
  async (_request, response) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (!response.destroyed) sendJson(response, 200, {});
  };

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function scripted(steps: Step[], options: Record<string, unknown> = {}) {
  let index = 0;
  server = await startRecordingServer((request, response) => (steps[Math.min(index++, steps.length - 1)] ?? ok)(request, response));
  const { createClient } = await loadGenerated("pmm/v3");
  return createClient({ baseUrl: server.origin, auth: { token: "t" }, retry: { minDelayMs: 1, maxDelayMs: 10 }, ...options });
}

describe("retries", () => {
  it("retries a GET after 503 and network drops, then succeeds", async () => {
    const { lines, logger } = recordingLogger();
    const pmm = await scripted([unavailable("0"), drop, ok], { logger });
    expect(await pmm.nodes.listNodes()).toEqual({ generic: [] });
    expect(server!.requests).toHaveLength(3);
    expect(lines.filter((l) => l.level === "info").map((l) => l.message)).toEqual([
      expect.stringMatching(/^GET \/v1\/inventory\/nodes: HTTP 503; retry 1 of 2 in 0 ms$/),
      expect.stringMatching(/^GET \/v1\/inventory\/nodes: no response \(.+\); retry 2 of 2 in \d+ ms$/),
    ]);
  });

  it("honours Retry-After in seconds", async () => {
    const pmm = await scripted([unavailable("1"), ok]);
    const started = performance.now();
    await pmm.nodes.listNodes();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("does not wait out a Retry-After longer than maxRetryAfterMs: the 503 surfaces", async () => {
    const { ApiError } = await loadGenerated("pmm/v3");
    const pmm = await scripted([unavailable("3600"), ok]);
    const error = await pmm.nodes.listNodes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, body: { code: 14 } });
    expect(server!.requests).toHaveLength(1);
  });

  it("gives up after the configured retries with the last answer", async () => {
    const { ApiError } = await loadGenerated("pmm/v3");
    const pmm = await scripted([unavailable("0")], { retry: { retries: 3, minDelayMs: 1 } });
    await expect(pmm.nodes.listNodes()).rejects.toBeInstanceOf(ApiError);
    expect(server!.requests).toHaveLength(4);
  });

  it("does not retry POST unless asked to", async () => {
    const { ApiError, ConnectionError } = await loadGenerated("pmm/v3");
    let pmm = await scripted([unavailable("0"), ok]);
    await expect(pmm.nodes.addNode({ body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(server!.requests).toHaveLength(1);
    await server!.close();

    pmm = await scripted([drop, ok]);
    await expect(pmm.nodes.addNode({ body: {} })).rejects.toBeInstanceOf(ConnectionError);
    expect(server!.requests).toHaveLength(1);
    await server!.close();

    pmm = await scripted([unavailable("0"), ok], { retry: { retryNonIdempotent: true, minDelayMs: 1 } });
    await pmm.nodes.addNode({ body: { generic: { node_name: "db1" } } });
    expect(server!.requests.map((r) => r.body)).toEqual([JSON.stringify({ generic: { node_name: "db1" } }), JSON.stringify({ generic: { node_name: "db1" } })]);
  });

  it("can be switched off", async () => {
    const pmm = await scripted([unavailable("0"), ok], { retry: false });
    await expect(pmm.nodes.listNodes()).rejects.toMatchObject({ status: 503 });
    expect(server!.requests).toHaveLength(1);
  });
});

describe("timeouts and aborts", () => {
  it("fails a call that exceeds timeoutMs with a TimeoutError naming the path template", async () => {
    const { TimeoutError } = await loadGenerated("pmm/v3");
    const pmm = await scripted([delay(2000)], { timeoutMs: 150 });
    const error = await pmm.nodes.getNode({ path: { node_id: "abc" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ method: "GET", path: "/v1/inventory/nodes/{node_id}", timeoutMs: 150 });
  });

  it("covers reading the body, not only waiting for headers", async () => {
    const { TimeoutError } = await loadGenerated("pmm/v3");
    const stall: Step = (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      response.write('{"generic": [');
    };
    const pmm = await scripted([stall], { timeoutMs: 200 });
    await expect(pmm.nodes.listNodes()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("counts retries against the same deadline", async () => {
    const { TimeoutError } = await loadGenerated("pmm/v3");
    const pmm = await scripted([unavailable()], { timeoutMs: 300, retry: { retries: 1000, minDelayMs: 50, maxDelayMs: 50 } });
    const started = performance.now();
    await expect(pmm.nodes.listNodes()).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server!.requests.length).toBeGreaterThan(1);
  });

  it("passes on a 503 whose Retry-After is longer than the time left, instead of waiting into a timeout", async () => {
    const { ApiError } = await loadGenerated("pmm/v3");
    const pmm = await scripted([unavailable("1")], { timeoutMs: 300, retry: { retries: 5 } });
    const started = performance.now();
    const error = await pmm.nodes.listNodes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503 });
    expect(performance.now() - started).toBeLessThan(250);
    expect(server!.requests).toHaveLength(1);
  });

  it("stops when the caller aborts, with the caller's reason", async () => {
    const pmm = await scripted([delay(2000)]);
    const controller = new AbortController();
    const call = pmm.nodes.listNodes(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    await expect(call).rejects.toThrow("user cancelled");
  });

  it("rejects with the reason of the caller's own AbortSignal.timeout, not as the client's timeout", async () => {
    const { TimeoutError } = await loadGenerated("pmm/v3");
    const pmm = await scripted([delay(2000)]);
    const error = await pmm.nodes.listNodes(undefined, { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it("stops waiting for a retry when the client is closed", async () => {
    const pmm = await scripted([unavailable("8"), ok]);
    const started = performance.now();
    const call = pmm.nodes.listNodes().catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await pmm.close();
    expect((await call).message).toContain("the client was closed");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server!.requests).toHaveLength(1);
  });

  it("rejects a timeout that timers cannot wait for when the client is created", async () => {
    const { createClient } = await loadGenerated("pmm/v3");
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      expect(() => createClient({ baseUrl: "http://127.0.0.1:1", timeoutMs })).toThrow(/timeoutMs must be a number of milliseconds/);
    }
  });
});

describe("call options", () => {
  it("reach the server and the transport for methods that take no input", async () => {
    const pmm = await scripted([ok, ok, delay(2000)]);
    await pmm.server.readiness({ headers: { "X-Probe": "1" } });
    expect(server!.requests[0]).toMatchObject({ path: "/v1/server/readyz", headers: { "x-probe": "1" } });
    // The form of methods that take an input works too.
    await pmm.server.readiness(undefined, { headers: { "X-Probe": "2" } });
    expect(server!.requests[1]).toMatchObject({ headers: { "x-probe": "2" } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    await expect(pmm.server.readiness({ signal: controller.signal })).rejects.toThrow("user cancelled");
  });

  it("keep the path template in errors when the caller's middleware replaces the request", async () => {
    const { ConnectionError, pathClient } = await loadGenerated("pmm/v3");
    const pmm = await scripted([drop], { retry: false });
    pathClient(pmm).use({ onRequest: ({ request }: { request: Request }) => new Request(request, { headers: { "X-Added": "1" } }) });
    const error = await pmm.nodes.getNode({ path: { node_id: "secret-id" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ path: "/v1/inventory/nodes/{node_id}" });
    expect(server!.requests[0]!.headers["x-added"]).toBe("1");
  });
});

describe("retry policy", () => {
  it("backs off exponentially with full jitter, capped", () => {
    const policy = { ...DEFAULT_RETRY, minDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(100);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterDelay("3", now)).toBe(3000);
    expect(retryAfterDelay("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(retryAfterDelay("soon", now)).toBeUndefined();
    expect(retryAfterDelay(null, now)).toBeUndefined();
  });
});

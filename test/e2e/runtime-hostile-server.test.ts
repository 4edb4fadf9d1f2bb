import { type AddressInfo, createServer as createNetServer } from "node:net";
import { inspect } from "node:util";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadGenerated, recordingLogger } from "../support/generated-client.js";
import { type Handler, sendJson, startRecordingServer } from "../support/recording-server.js";

/**
 * Servers that misbehave on purpose (endless or cut-off bodies, malformed JSON, login answers
 * that echo the password or carry odd version lists), on 127.0.0.1, against PMM v3 and PEM
 * v10 clients generated with the runtime as it is in templates/.
 */
let pmmEntry: any;
let pemEntry: any;
beforeAll(async () => {
  [pmmEntry, pemEntry] = await Promise.all([loadGenerated("pmm/v3"), loadGenerated("pem/v10")]);
});

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

async function serve(handler: Handler) {
  server = await startRecordingServer(handler);
  return server;
}

function pmmClient(options: Record<string, unknown> = {}) {
  return pmmEntry.createClient({ baseUrl: server!.origin, auth: { token: "pmm-token" }, retry: { minDelayMs: 1, maxDelayMs: 5 }, ...options });
}

const PEM_PASSWORD = 'pa"ss-w0rd-for-this-test';
function pemClient(options: Record<string, unknown> = {}) {
  return pemEntry.createClient({
    baseUrl: `${server!.origin}/api/v10`,
    auth: { username: "pemuser", password: PEM_PASSWORD },
    retry: { minDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

/** What an endless answer did: bytes written, and a promise for the client closing the connection. */
interface Flood {
  sent: number;
  closed: Promise<void>;
}

/** Answers with `status` and a body that never ends, written as fast as the client reads it. */
function endless(status: number, headers: Record<string, string> = {}): { handler: Handler; flood: Flood } {
  let markClosed: () => void = () => undefined;
  const flood: Flood = { sent: 0, closed: new Promise<void>((resolve) => (markClosed = resolve)) };
  const chunk = Buffer.alloc(64 * 1024, "7");
  const handler: Handler = (_request, response) => {
    response.on("close", markClosed);
    response.writeHead(status, { "Content-Type": "application/json", ...headers });
    const write = () => {
      while (!response.destroyed) {
        flood.sent += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", write);
      }
    };
    write();
  };
  return { handler, flood };
}

async function failure(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${inspect(value)}`);
    },
    (error: unknown) => error,
  );
}

describe("maxResponseBytes", () => {
  const MiB = 1024 * 1024;

  it("fails an endless JSON answer with ResponseTooLargeError once it passes the limit, and drops the connection", async () => {
    const { handler, flood } = endless(200);
    await serve(handler);
    const error = await failure(pmmClient({ maxResponseBytes: MiB, timeoutMs: 20_000 }).nodes.listNodes());
    expect(error).toBeInstanceOf(pmmEntry.ResponseTooLargeError);
    expect(error).toMatchObject({ method: "GET", path: "/v1/inventory/nodes", maxResponseBytes: MiB });
    expect(error.message).toBe(
      "GET /v1/inventory/nodes: the answer is longer than 1048576 bytes (the client's maxResponseBytes), so the client stopped reading it. Raise maxResponseBytes if answers this long are expected.",
    );
    await flood.closed;
    // What the server got out before the connection closed: the limit plus socket buffers, not the deadline's worth.
    expect(flood.sent).toBeLessThan(16 * MiB);
  });

  it("counts error bodies and blobs too", async () => {
    const failing = endless(500);
    await serve(failing.handler);
    const errorBody = await failure(pmmClient({ maxResponseBytes: MiB }).nodes.listNodes());
    expect(errorBody).toBeInstanceOf(pmmEntry.ResponseTooLargeError);
    await failing.flood.closed;
    await server!.close();

    const zip = endless(200, { "Content-Type": "application/zip" });
    await serve(zip.handler);
    const blob = await failure(pmmClient({ maxResponseBytes: MiB }).server.logs({}));
    expect(blob).toBeInstanceOf(pmmEntry.ResponseTooLargeError);
    expect(blob.path).toBe("/v1/server/logs.zip");
    await zip.flood.closed;
  });

  it("fails at once when Content-Length already says the answer is too long", async () => {
    let markClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (markClosed = resolve));
    await serve((_request, response) => {
      response.on("close", markClosed);
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(10 * 1024 ** 3) });
      response.write("[");
    });
    const error = await failure(pmmClient({ maxResponseBytes: MiB }).nodes.listNodes());
    expect(error).toBeInstanceOf(pmmEntry.ResponseTooLargeError);
    await closed;
  });

  it("covers the PEM login's answer", async () => {
    const { handler, flood } = endless(201, { "X-Subject-Token": "issued-token" });
    await serve(handler);
    const error = await failure(pemClient({ maxResponseBytes: MiB }).server.list());
    expect(error).toBeInstanceOf(pemEntry.ResponseTooLargeError);
    expect(error).toMatchObject({ method: "POST", path: "/api/token/" });
    await flood.closed;
  });

  it("has a default of 64 MiB", async () => {
    const { handler, flood } = endless(200);
    await serve(handler);
    const error = await failure(pmmClient().nodes.listNodes());
    expect(error).toBeInstanceOf(pmmEntry.ResponseTooLargeError);
    expect(error.maxResponseBytes).toBe(64 * MiB);
    await flood.closed;
  });

  it("reads an answer of exactly maxResponseBytes, chunked or with a Content-Length", async () => {
    const body = JSON.stringify({ generic: [{ node_id: "n".repeat(1000) }] });
    const bytes = Buffer.byteLength(body);
    let chunked = true;
    await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", ...(chunked ? {} : { "Content-Length": String(bytes) }) });
      response.end(body);
    });
    for (const mode of [true, false]) {
      chunked = mode;
      expect(await pmmClient({ maxResponseBytes: bytes }).nodes.listNodes()).toEqual(JSON.parse(body));
      await expect(pmmClient({ maxResponseBytes: bytes - 1 }).nodes.listNodes()).rejects.toBeInstanceOf(pmmEntry.ResponseTooLargeError);
    }
  });

  it.each([0, -1, Number.NaN, "1048576"])("refuses maxResponseBytes: %j", (value) => {
    expect(() => pmmEntry.createClient({ baseUrl: "https://pmm.example.com", maxResponseBytes: value })).toThrow(
      /^maxResponseBytes must be a number of bytes ≥ 1 \(Infinity for no limit\)/,
    );
  });
});

describe("answers the client cannot read", () => {
  it("turns a status HTTP does not define (HTTP/1.1 999) into InvalidResponseError and drops the body's connection", async () => {
    // A raw socket: Node's HTTP server refuses to send such a status.
    let closed: () => void = () => undefined;
    const socketClosed = new Promise<void>((resolve) => (closed = resolve));
    const raw = createNetServer((socket) => {
      socket.on("error", () => undefined).on("close", closed);
      // A body that never ends: only the client dropping it ends the connection.
      socket.once("data", () => socket.write("HTTP/1.1 999 X\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n"));
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
      const error = await failure(pmmEntry.createClient({ baseUrl, auth: { token: "pmm-token" }, timeoutMs: 60_000 }).nodes.listNodes());
      expect(error).toBeInstanceOf(pmmEntry.InvalidResponseError);
      expect(error.message).toBe("GET /v1/inventory/nodes: the server answered with HTTP 999, which is not an HTTP status.");
      await socketClosed;
    } finally {
      raw.close();
    }
  });

  it.each([
    ["chunked", {}],
    ["with a Content-Length", { "Content-Length": "13" }],
  ])("turns malformed JSON in a success answer (%s) into InvalidResponseError", async (_mode, headers) => {
    await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", ...headers });
      response.end('{"generic": [');
    });
    const pmm = pmmClient();
    const error = await failure(pmm.nodes.listNodes());
    expect(error).toBeInstanceOf(pmmEntry.InvalidResponseError);
    expect(error.message).toBe("GET /v1/inventory/nodes: the body of its success answer is not valid JSON.");
    // openapi-fetch's own calls too.
    const paths = pmmEntry.pathClient(pmm);
    for (const raw of [paths.GET("/v1/inventory/nodes"), paths.request("get", "/v1/inventory/nodes")]) {
      expect((await failure(raw)).message).toBe("GET /v1/inventory/nodes: the body of its success answer is not valid JSON.");
    }
  });

  it("leaves a SyntaxError of the caller's own middleware as it is", async () => {
    await serve((_request, response) => sendJson(response, 200, { generic: [] }));
    const pmm = pmmClient();
    const paths = pmmEntry.pathClient(pmm);
    paths.use({ onResponse: () => JSON.parse("{not json") });
    for (const call of [pmm.nodes.listNodes(), paths.GET("/v1/inventory/nodes")]) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(SyntaxError);
      expect(error).not.toBeInstanceOf(pmmEntry.InvalidResponseError);
    }
  });

  it.each([
    ["a Content-Length", { "Content-Length": "1000" }],
    ["chunks", {}],
  ])("turns a body cut off mid-stream (after %s) into ConnectionError", async (_mode, headers) => {
    await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", ...headers });
      response.write('{"generic": [', () => setTimeout(() => response.socket?.destroy(), 20));
    });
    const error = await failure(pmmClient().nodes.listNodes());
    expect(error).toBeInstanceOf(pmmEntry.ConnectionError);
    expect(error.message).toMatch(/^GET \/v1\/inventory\/nodes: the answer was cut off after \d+ bytes of its body \(.+\)$/);
  });

  it("turns a body that trickles past the deadline into TimeoutError", async () => {
    await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write(" ")), 50);
    });
    const error = await failure(pmmClient({ timeoutMs: 300 }).nodes.listNodes());
    expect(error).toBeInstanceOf(pmmEntry.TimeoutError);
    expect(error.message).toBe("GET /v1/inventory/nodes did not finish within 300 ms (the client's timeoutMs).");
  });

  /** A PEM whose login answer carries `versions` and which records released tokens. */
  async function pemWithLoginAnswer(versions: Record<string, unknown>) {
    const released: string[] = [];
    await serve((request, response) => {
      if (request.method === "POST" && request.path === "/api/token/") return sendJson(response, 201, versions, { "X-Subject-Token": "issued-token" });
      if (request.method === "DELETE" && request.path === "/api/token/") {
        released.push(String(request.headers["x-auth-token"]));
        response.writeHead(204);
        return void response.end();
      }
      sendJson(response, 200, []);
    });
    return released;
  }

  it.each<[string, Record<string, unknown>]>([
    ["a string", { supported_api_versions: "v10" }],
    ["objects", { supported_api_versions: [{ toString: 1 }, { valueOf: "v10" }] }],
    ["nested lists", { supported_api_versions: [["v10"]] }],
    ["terminal escapes", { supported_api_versions: ["v10", "\u001b[2J\u001b[31mv11"] }],
    ["an object for the deprecated list", { supported_api_versions: ["v10"], deprecated_api_versions: { length: 1, 0: "v10" } }],
  ])("fails a login answer whose version list is %s with InvalidResponseError, and releases the token", async (_what, versions) => {
    const released = await pemWithLoginAnswer(versions);
    const error = await failure(pemClient().server.list());
    expect(error).toBeInstanceOf(pemEntry.InvalidResponseError);
    expect(error.message).toMatch(/^POST \/api\/token\/: the login answer's (supported|deprecated)_api_versions is not a list of API version names\.$/);
    expect(released).toEqual(["issued-token"]);
  });

  it("names at most ten of a huge list of supported versions", async () => {
    await pemWithLoginAnswer({ supported_api_versions: Array.from({ length: 100_000 }, (_, i) => `v${i + 100}`) });
    const error = await failure(pemClient().server.list());
    expect(error).toBeInstanceOf(pemEntry.UnsupportedApiVersionError);
    expect(error.supportedVersions).toHaveLength(100_000);
    expect(error.message).toBe(
      "The server does not support API v10; it supports v100, v101, v102, v103, v104, v105, v106, v107, v108, v109 and 99990 more. Use the client for one of those versions.",
    );
  });

  it.each([
    ["with a password", "https://admin:s3cret-pw@pem.example.com/api/token/", /^tokenUrl must not contain credentials; pass them as `auth`\.$/],
    [
      "unparsable, with a password",
      "https://admin:s3cret-pw@pem example.com/",
      /^tokenUrl must be an absolute http\(s\) URL such as "https:\/\/pem\.example\.com"\.$/,
    ],
    ["ftp:", "ftp://pem.example.com/api/token/", /^tokenUrl must use https: or http:, not ftp:$/],
    ["file:", "file:///etc/passwd", /^tokenUrl must use https: or http:, not file:$/],
    [
      "not a URL",
      "pem.example.com/api/token/",
      /^tokenUrl must be an absolute http\(s\) URL such as "https:\/\/pem\.example\.com"; got "pem\.example\.com\/api\/token\/"\.$/,
    ],
  ])("validates tokenUrl like baseUrl: %s", (_what, tokenUrl, message) => {
    for (const baseUrl of ["https://pem.example.com", "https://pem.example.com/pem/api/v10"]) {
      let thrown: any;
      try {
        pemEntry.createClient({ baseUrl, tokenUrl, auth: { username: "pemuser", password: "pw" } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect(thrown.message).toMatch(message);
      expect(inspect(thrown)).not.toContain("s3cret-pw");
    }
  });

  it("never quotes a baseUrl that may hold a password", () => {
    expect(() => pmmEntry.createClient({ baseUrl: "https://admin:s3cret-pw@pmm example.com" })).toThrow(
      /^baseUrl must be an absolute http\(s\) URL such as "https:\/\/pem\.example\.com"\.$/,
    );
  });
});

describe("login answers that echo the credentials", () => {
  const escaped = JSON.stringify(PEM_PASSWORD).slice(1, -1);
  const echo = () => ({
    message: `invalid request ${JSON.stringify({ username: "pemuser", password: PEM_PASSWORD })}`,
    request: { username: "pemuser", password: PEM_PASSWORD, note: `got ${PEM_PASSWORD}` },
  });

  function expectNoPassword(...texts: string[]) {
    for (const text of texts) {
      expect(text).not.toContain(PEM_PASSWORD);
      expect(text).not.toContain(escaped);
    }
  }

  it.each([400, 503])("redacts the password from a login error (HTTP %i) before it reaches the error or a log", async (status) => {
    await serve((request, response) => {
      if (request.path === "/api/token/") return sendJson(response, status, echo(), { "Retry-After": "0" });
      sendJson(response, 200, []);
    });
    const { lines, logger } = recordingLogger();
    const error = await failure(pemClient({ logger }).server.list());
    expect(error).toBeInstanceOf(pemEntry.ApiError);
    expect(error.status).toBe(status);
    expect(error.body.request).toEqual({ username: "pemuser", password: "[redacted]", note: "got [redacted]" });
    expect(error.message).toBe(`POST /api/token/ failed with HTTP ${status}: invalid request {"username":"pemuser","password":"[redacted]"}`);
    expectNoPassword(error.message, JSON.stringify(error.body), inspect(error, { depth: 10 }), JSON.stringify(lines));
  });

  it("redacts a login error nested 200 000 deep (past the stack a full walk needs) with a typed error", async () => {
    const depth = 200_000;
    await serve((_request, response) => {
      response.writeHead(400, { "Content-Type": "application/json" });
      response.end(`${'{"a":'.repeat(depth)}"${PEM_PASSWORD.replace('"', '\\"')}"${"}".repeat(depth)}`);
    });
    const error = await failure(pemClient().server.list());
    expect(error).toBeInstanceOf(pemEntry.ApiError);
    expectNoPassword(JSON.stringify(error.body));
    expect(JSON.stringify(error.body)).toContain('"[redacted]"');
  });

  it("redacts the token from a logout error", async () => {
    await serve((request, response) => {
      if (request.method === "POST") return sendJson(response, 201, {}, { "X-Subject-Token": "issued-token-1234" });
      if (request.method === "DELETE") return sendJson(response, 500, { message: `could not release ${request.headers["x-auth-token"]}` });
      sendJson(response, 200, []);
    });
    const pem = pemClient();
    await pem.server.list();
    const error = await failure(pem.logout());
    expect(error).toBeInstanceOf(pemEntry.ApiError);
    expect(error.message).toBe("DELETE /api/token/ failed with HTTP 500: could not release [redacted]");
    expect(inspect(error, { depth: 10 })).not.toContain("issued-token-1234");
  });
});

describe("error answers that echo the request", () => {
  /** A 400 that quotes the request's credential headers in its message and echoes all of them. */
  const echoHeaders: Handler = (request, response) => {
    if (request.method === "POST" && request.path === "/api/token/") return sendJson(response, 201, {}, { "X-Subject-Token": "issued-token-1234" });
    const credential = request.headers["x-auth-token"] ?? request.headers.authorization;
    sendJson(response, 400, { message: `bad credential ${credential}`, errormsg: `bad credential ${credential}`, headers: request.headers });
  };

  it("a PEM client's token is redacted from the error's message and body", async () => {
    await serve(echoHeaders);
    const error = await failure(pemClient().server.list());
    expect(error).toBeInstanceOf(pemEntry.ApiError);
    expect(error.serverMessage).toBe("bad credential [redacted]");
    expect(error.body.headers["x-auth-token"]).toBe("[redacted]");
    expect(inspect(error, { depth: 10 })).not.toContain("issued-token-1234");
  });

  it.each([
    ["a token", { token: "pmm-secret-token" }, ["pmm-secret-token"]],
    ["a username and password", { username: "admin", password: "pmm-secret-pw" }, ["pmm-secret-pw", btoa("admin:pmm-secret-pw")]],
    ["an API key", { apiKey: "pmm-secret-key" }, ["pmm-secret-key", btoa("api_key:pmm-secret-key")]],
  ])("a PMM client's %s is redacted from the error's message and body", async (_what, auth, secrets) => {
    await serve(echoHeaders);
    const error = await failure(pmmClient({ auth }).nodes.listNodes());
    expect(error).toBeInstanceOf(pmmEntry.ApiError);
    expect(error.serverMessage).toMatch(/^bad credential (Bearer|Basic) \[redacted\]$/);
    for (const secret of secrets) expect(inspect(error, { depth: 10 })).not.toContain(secret);
  });

  it("a credential set by hand in headers is redacted too", async () => {
    await serve(echoHeaders);
    const error = await failure(
      pmmEntry.createClient({ baseUrl: server!.origin, headers: { authorization: "Bearer hand-set-secret" }, retry: false }).nodes.listNodes(),
    );
    expect(error.serverMessage).toBe("bad credential [redacted]");
    expect(inspect(error, { depth: 10 })).not.toContain("hand-set-secret");
  });

  it("a server's message reaches the error's message as one short line without control characters", async () => {
    await serve((_request, response) => sendJson(response, 400, { message: `\u001b[31mred\r\nFAKE LOG LINE\u2028${"x".repeat(10_000)}` }));
    const error = await failure(pmmClient().nodes.listNodes());
    expect(error.serverMessage).toMatch(/^\[31mred FAKE LOG LINE x+…$/);
    expect(error.serverMessage.length).toBe(200);
    expect(error.message).not.toMatch(/[\p{Cc}\u2028]/u);
    expect(error.body.message).toHaveLength(10_024);
  });
});

describe("deadline timers", () => {
  it("releases each call's timer when the call settles, not at its deadline", async () => {
    const timeoutMs = 654_321;
    const setSpy = vi.spyOn(globalThis, "setTimeout");
    const clearSpy = vi.spyOn(globalThis, "clearTimeout");
    let served = 0;
    await serve((request, response) => {
      if (request.path === "/api/token/") return sendJson(response, 201, {}, { "X-Subject-Token": "issued-token" });
      const kind = served++ % 3;
      if (kind === 0) return sendJson(response, 200, { generic: [] });
      if (kind === 1) return sendJson(response, 404, { code: 5, message: "not found" });
      response.writeHead(200, { "Content-Length": "0" });
      response.end();
    });
    const pmm = pmmClient({ timeoutMs });
    await Promise.allSettled(Array.from({ length: 30 }, () => pmm.nodes.listNodes()));
    const pem = pemClient({ timeoutMs });
    await Promise.allSettled(Array.from({ length: 10 }, () => pem.server.list()));
    expect(served).toBe(40);

    // Deadline timers are the ones set for (nearly) timeoutMs.
    const deadlines = setSpy.mock.calls.flatMap(([, delay], index) => ((delay ?? 0) > timeoutMs - 60_000 ? [setSpy.mock.results[index]!.value] : []));
    const cleared = new Set(clearSpy.mock.calls.map(([timer]) => timer));
    expect(deadlines.length).toBeGreaterThanOrEqual(40);
    expect(deadlines.filter((timer) => !cleared.has(timer))).toEqual([]);
  });
});

describe("credential headers over plain http", () => {
  it.each([
    ["Authorization", { Authorization: "Bearer hand-set-secret" }],
    ["X-Auth-Token", { "x-auth-token": "hand-set-secret" }],
    ["Cookie", { cookie: "session=hand-set-secret" }],
  ])("refuses a client whose headers carry %s to a remote http:// server", (name, headers) => {
    for (const entry of [pmmEntry, pemEntry]) {
      let thrown: any;
      try {
        entry.createClient({ baseUrl: "http://pmm.example.com", headers });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect(thrown.message).toMatch(new RegExp(`^Refusing to send credentials over plain http:// to pmm\\.example\\.com \\(the ${name} header in headers\\)`));
      expect(thrown.message).not.toContain("hand-set-secret");
      expect(() => entry.createClient({ baseUrl: "http://pmm.example.com", headers, allowInsecureHttp: true })).not.toThrow();
    }
  });

  it("refuses a call whose own headers carry credentials, before anything is sent", async () => {
    const pmm = pmmEntry.createClient({ baseUrl: "http://pmm.invalid", retry: false });
    const byMethod = await failure(pmm.nodes.listNodes({}, { headers: { "X-Auth-Token": "hand-set-secret" } }));
    expect(byMethod).toBeInstanceOf(TypeError);
    expect(byMethod.message).toMatch(/^Refusing to send credentials over plain http:\/\/ to pmm\.invalid \(the X-Auth-Token header\)/);
    const raw = await failure(pmmEntry.pathClient(pmm).GET("/v1/inventory/nodes", { headers: { Authorization: "Basic aGFuZDpzZXQ=" } }));
    expect(raw).toBeInstanceOf(TypeError);
    expect(raw.message).toMatch(/\(the Authorization header\)/);
  });

  it("sends hand-set credential headers to loopback", async () => {
    await serve((_request, response) => sendJson(response, 200, { generic: [] }));
    const pmm = pmmEntry.createClient({ baseUrl: server!.origin, headers: { Authorization: "Bearer hand-set" } });
    await pmm.nodes.listNodes({}, { headers: { "X-Auth-Token": "per-call" } });
    expect(server!.requests[0]!.headers).toMatchObject({ authorization: "Bearer hand-set", "x-auth-token": "per-call" });
  });
});

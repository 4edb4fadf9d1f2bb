import { afterEach, describe, expect, it } from "vitest";
import { startFakePem } from "../support/fake-pem.js";
import { loadGenerated, recordingLogger } from "../support/generated-client.js";
import { METHOD_ROUTES } from "../support/method-routes.js";
import { startRecordingServer } from "../support/recording-server.js";

/** PEM's token lifecycle, through the generated v9/v10 clients against a fake PEM on 127.0.0.1. */
let pem: Awaited<ReturnType<typeof startFakePem>> | undefined;
afterEach(async () => {
  await pem?.close();
  pem = undefined;
});

async function client(entry: "pem/v9" | "pem/v10", options: Record<string, unknown> = {}) {
  const { createClient } = await loadGenerated(entry);
  return createClient({
    baseUrl: pem!.origin,
    auth: { username: pem!.username, password: pem!.password },
    retry: { minDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

describe("login", () => {
  it("logs in through POST /api/token/ and sends the token as X-Auth-Token", async () => {
    pem = await startFakePem();
    const c = await client("pem/v10");
    expect(await c.server.list()).toEqual([{ id: 1, name: "PEM Server" }]);
    const [login, list] = pem.requests;
    expect(login).toMatchObject({ method: "POST", path: "/api/token/", headers: { "content-type": "application/json" } });
    expect(JSON.parse(login!.body)).toEqual({ username: pem.username, password: pem.password });
    expect(list!.headers["x-auth-token"]).toBe(pem.state.issued[0]);
  });

  it("derives the token URL from a /pem/api base URL, and honours an explicit tokenUrl", async () => {
    pem = await startFakePem({ prefix: "/pem/api" });
    const derived = await client("pem/v10", { baseUrl: `${pem.origin}/pem/api/v10` });
    await derived.server.list();
    expect(pem.requests[0]).toMatchObject({ method: "POST", path: "/pem/api/token/" });
    const explicit = await client("pem/v10", { baseUrl: `${pem.origin}/pem/api/v10`, tokenUrl: `${pem.origin}/pem/api/token/` });
    await explicit.server.list();
    expect(pem.state.logins).toBe(2);
  });

  it("uses a caller's token without logging in", async () => {
    pem = await startFakePem();
    const first = await client("pem/v10");
    await first.server.list();
    const c = await client("pem/v10", { auth: { token: pem.state.issued[0] } });
    await c.server.list();
    expect(pem.state.logins).toBe(1);
  });

  it("makes exactly one login for 50 concurrent calls", async () => {
    pem = await startFakePem();
    const c = await client("pem/v10");
    const results = await Promise.all(Array.from({ length: 50 }, () => c.server.list()));
    expect(results).toHaveLength(50);
    expect(pem.state.logins).toBe(1);
    expect(new Set(pem.dataRequests().map((r) => r.headers["x-auth-token"]))).toEqual(new Set([pem.state.issued[0]]));
  });

  it("fails a rejected login with a typed error, once per call, never looping", async () => {
    pem = await startFakePem();
    const { AuthenticationError } = await loadGenerated("pem/v10");
    const c = await client("pem/v10", { auth: { username: pem.username, password: "wrong" } });
    for (let i = 0; i < 3; i++) {
      const error = await c.server.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401 });
    }
    expect(pem.state.logins).toBe(3);
    expect(pem.dataRequests()).toHaveLength(0);
  });

  it("retries a login that meets PEM's 503, and reports a lasting one as the server's failure, not the credentials'", async () => {
    pem = await startFakePem();
    const { ApiError, AuthenticationError } = await loadGenerated("pem/v10");
    pem.state.loginsUnavailable = 1;
    expect(await client("pem/v10").then((c) => c.server.list())).toEqual([{ id: 1, name: "PEM Server" }]);
    expect(pem.state.logins).toBe(2);

    pem.state.loginsUnavailable = 100;
    const error = await (await client("pem/v10", { retry: { retries: 1, minDelayMs: 1 } })).server.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 503, method: "POST", path: "/api/token/" });
  });
});

describe("waiting for a login", () => {
  it("stops at the caller's abort, with the caller's reason, while the login is slow", async () => {
    pem = await startFakePem();
    pem.state.loginDelayMs = 1500;
    const c = await client("pem/v10");
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    await expect(c.server.list({ signal: controller.signal })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("counts the login against the call's deadline", async () => {
    pem = await startFakePem();
    pem.state.loginDelayMs = 1500;
    const { TimeoutError } = await loadGenerated("pem/v10");
    const c = await client("pem/v10", { timeoutMs: 200 });
    const started = performance.now();
    const error = await c.server.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ method: "GET", path: "/server/", timeoutMs: 200 });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("redirects", () => {
  it("follows a redirect within the server's origin, token included", async () => {
    pem = await startFakePem();
    pem.state.redirect = { from: "/api/v10/server/", to: "/pem/api/v10/server/" };
    const c = await client("pem/v10");
    expect(await c.server.list()).toEqual([{ id: 1, name: "PEM Server" }]);
    const followed = pem.dataRequests().at(-1)!;
    expect(followed.path).toBe("/pem/api/v10/server/");
    expect(followed.headers["x-auth-token"]).toBe(pem.state.issued[0]);
  });

  it("stops a redirect loop after 5 hops and says so", async () => {
    pem = await startFakePem();
    pem.state.redirect = { from: "/api/v10/server/", to: "/api/v10/server/" };
    const { lines, logger } = recordingLogger();
    const error = await (await client("pem/v10", { logger })).server.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ApiError", status: 307 });
    expect(pem.dataRequests()).toHaveLength(6);
    expect(lines).toContainEqual({ level: "warn", message: expect.stringContaining("redirected 5 times") });
  });

  it("does not follow a redirect to another origin, so the token never leaves the server", async () => {
    pem = await startFakePem();
    const elsewhere = await startRecordingServer((_request, response) => void response.end("{}"));
    try {
      pem.state.redirect = { from: "/api/v10/server/", to: `${elsewhere.origin}/collect` };
      const { ApiError } = await loadGenerated("pem/v10");
      const { lines, logger } = recordingLogger();
      const error = await (await client("pem/v10", { logger })).server.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 307 });
      expect(elsewhere.requests).toHaveLength(0);
      expect(lines).toContainEqual({ level: "warn", message: expect.stringContaining(`to ${elsewhere.origin}; not followed`) });
    } finally {
      await elsewhere.close();
    }
  });
});

describe("token lifetime", () => {
  it("reuses a token until shortly before expiresAt", async () => {
    pem = await startFakePem({ lifetimeMs: 20 * 60_000 });
    const c = await client("pem/v10");
    for (let i = 0; i < 3; i++) await c.server.list();
    expect(pem.state.logins).toBe(1);
  });

  it("logs in again before expiry when the token is within the refresh margin", async () => {
    pem = await startFakePem({ lifetimeMs: 2400 });
    const c = await client("pem/v10", { refreshMarginMs: 800 });
    await c.server.list();
    await c.server.list();
    expect(pem.state.logins).toBe(1);
    // 1.7 s in: not expired yet, but within the margin (from 1.6 s on).
    await new Promise((resolve) => setTimeout(resolve, 1700));
    await c.server.list();
    expect(pem.state.logins).toBe(2);
    const tokens = pem.dataRequests().map((r) => r.headers["x-auth-token"]);
    expect(tokens).toEqual([pem.state.issued[0], pem.state.issued[0], pem.state.issued[1]]);
  });

  it("does not log in on every call when the margin is longer than the token's lifetime", async () => {
    pem = await startFakePem({ lifetimeMs: 30_000 });
    const c = await client("pem/v10", { refreshMarginMs: 60_000 });
    for (let i = 0; i < 3; i++) await c.server.list();
    expect(pem.state.logins).toBe(1);
  });

  it("falls back to PEM's documented 20 minutes when the login body has no expiresAt", async () => {
    pem = await startFakePem({ lifetimeMs: undefined });
    const c = await client("pem/v10", { refreshMarginMs: 19 * 60_000 });
    await c.server.list();
    await c.server.list();
    expect(pem.state.logins).toBe(1);
  });
});

describe.each(METHOD_ROUTES)("401 handling and the layout, for a method going $route", ({ take }) => {
  const routed = async (entry: "pem/v9" | "pem/v10", options: Record<string, unknown> = {}) => take(entry, await client(entry, options));

  it("drops a stale token, logs in once and replays the call once, body included", async () => {
    pem = await startFakePem();
    const c = await routed("pem/v10");
    await c.server.list();
    pem.revokeAll();
    await c.server.update({ path: { server_id: "1" }, body: { asb_password: "new-secret" } });
    expect(pem.state.logins).toBe(2);
    const puts = pem.dataRequests().filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(2);
    expect(puts.map((r) => JSON.parse(r.body))).toEqual([{ asb_password: "new-secret" }, { asb_password: "new-secret" }]);
    expect(puts.map((r) => r.headers["x-auth-token"])).toEqual(pem.state.issued);
  });

  it("re-logs in once for 50 concurrent calls that all met a stale token", async () => {
    pem = await startFakePem();
    const c = await routed("pem/v10");
    await c.server.list();
    pem.revokeAll();
    await Promise.all(Array.from({ length: 50 }, () => c.server.list()));
    expect(pem.state.logins).toBe(2);
  });

  it("turns a second 401 into an AuthenticationError: one re-login, one replay, no loop", async () => {
    pem = await startFakePem();
    const { AuthenticationError } = await loadGenerated("pem/v10");
    const c = await routed("pem/v10");
    pem.state.rejectAll = true;
    const error = await c.server.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(String(error.message)).toContain("GET /server/");
    expect(pem.state.logins).toBe(2);
    expect(pem.dataRequests()).toHaveLength(2);
  });

  it("sends the first call, body included, to the layout its login found", async () => {
    pem = await startFakePem({ prefix: "/pem/api" });
    const c = await routed("pem/v10");
    await c.server.update({ path: { server_id: "1" }, body: { asb_password: "new-secret" } });
    expect(pem.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/token/", "POST /pem/api/token/", "PUT /pem/api/v10/server/1"]);
    expect(JSON.parse(pem.requests.at(-1)!.body)).toEqual({ asb_password: "new-secret" });
  });
});

describe("401 handling for openapi-fetch's calls", () => {
  it("also replays calls made through openapi-fetch's GET", async () => {
    pem = await startFakePem();
    const c = await client("pem/v10");
    await c.server.list();
    pem.revokeAll();
    const { pathClient } = await loadGenerated("pem/v10");
    const { data, response } = await pathClient(c).GET("/server/");
    expect(response.status).toBe(200);
    expect(data).toEqual([{ id: 1, name: "PEM Server" }]);
  });
});

describe("logout", () => {
  it("releases the token with DELETE /api/token/; the next call logs in again", async () => {
    pem = await startFakePem();
    const c = await client("pem/v10");
    await c.server.list();
    await c.logout();
    const release = pem.requests.at(-1)!;
    expect(release).toMatchObject({ method: "DELETE", path: "/api/token/" });
    expect(release.headers["x-auth-token"]).toBe(pem.state.issued[0]);
    await c.server.list();
    expect(pem.state.logins).toBe(2);
  });

  it("happens at the end of an `await using` scope", async () => {
    pem = await startFakePem();
    {
      await using c = await client("pem/v10");
      await c.server.list();
    }
    expect(pem.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/api/token/" });
  });

  it("does nothing without a token", async () => {
    pem = await startFakePem();
    const c = await client("pem/v10");
    await c.logout();
    expect(pem.requests).toHaveLength(0);
  });

  it("close() logs out once, however often it is called, and later calls fail without logging in", async () => {
    pem = await startFakePem();
    const { ConnectionError } = await loadGenerated("pem/v10");
    const c = await client("pem/v10");
    await c.server.list();
    await Promise.all([c.close(), c.close()]);
    await c.close();
    const error = await c.server.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain("the client was closed");
    expect(pem.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/token/", "GET /api/v10/server/", "DELETE /api/token/"]);
  });

  it("close() during a login releases that token and stops the waiting call", async () => {
    pem = await startFakePem();
    pem.state.loginDelayMs = 300;
    const c = await client("pem/v10");
    const call = c.server.list().catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.close();
    expect((await call).message).toContain("the client was closed");
    expect(pem.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/token/", "DELETE /api/token/"]);
  });

  it("close() during a refresh releases both the old token and the one being issued", async () => {
    pem = await startFakePem({ lifetimeMs: 400 });
    const c = await client("pem/v10", { refreshMarginMs: 0 });
    await c.server.list();
    await new Promise((resolve) => setTimeout(resolve, 450));
    pem.state.loginDelayMs = 300;
    const call = c.server.list().catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.close();
    await call;
    const released = pem.requests.filter((r) => r.method === "DELETE").map((r) => r.headers["x-auth-token"]);
    expect(released.sort()).toEqual([...pem.state.issued].sort());
    expect(pem.state.issued).toHaveLength(2);
  });

  it("close() returns only when a logout under way has released its token", async () => {
    pem = await startFakePem();
    const c = await client("pem/v10");
    await c.server.list();
    void c.logout();
    await c.close();
    expect(pem.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/api/token/" });
  });

  it("fails calls after close() as closed, also with a caller's token", async () => {
    pem = await startFakePem();
    const { ConnectionError } = await loadGenerated("pem/v10");
    await (await client("pem/v10")).server.list();
    const c = await client("pem/v10", { auth: { token: pem.state.issued[0] } });
    await c.close();
    await expect(c.server.list()).rejects.toThrow(ConnectionError);
  });

  it("says why calls fail after a caller's own token was released", async () => {
    pem = await startFakePem();
    const { ConnectionError } = await loadGenerated("pem/v10");
    const first = await client("pem/v10");
    await first.server.list();
    const c = await client("pem/v10", { auth: { token: pem.state.issued[0] } });
    await c.logout();
    const sent = pem.requests.length;
    const error = await c.server.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(
      "GET /server/: this client's token was released by logout(); create a new client with a token, or with a username and password to log in",
    );
    expect(pem.requests.length).toBe(sent);
  });
});

describe("API version awareness", () => {
  it("warns once when the server marks the client's version as deprecated", async () => {
    pem = await startFakePem({ deprecatedVersions: ["v9"] });
    const { lines, logger } = recordingLogger();
    const c = await client("pem/v9", { logger });
    await c.agent.list().catch(() => undefined);
    pem.revokeAll();
    await c.agent.list().catch(() => undefined);
    expect(pem.state.logins).toBe(2);
    expect(lines.filter((l) => l.level === "warn")).toEqual([{ level: "warn", message: expect.stringContaining("API v9 as deprecated") }]);
  });

  it("fails with a typed error naming the supported versions when the server does not support the client's", async () => {
    pem = await startFakePem({ supportedVersions: ["v10", "v11"] });
    const { UnsupportedApiVersionError } = await loadGenerated("pem/v9");
    const c = await client("pem/v9");
    const error = await c.agent.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    expect(error).toMatchObject({ version: "v9", supportedVersions: ["v10", "v11"] });
    expect(String(error.message)).toContain("v10, v11");
    await expect(c.agent.list()).rejects.toBeInstanceOf(UnsupportedApiVersionError);
    expect(pem.state.logins).toBe(1);
    expect(pem.dataRequests()).toHaveLength(0);
    // The token that login issued is not left behind.
    expect(pem.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/api/token/", headers: { "x-auth-token": pem.state.issued[0] } });
  });
});

describe("a caller's token that PEM rejects", () => {
  it("fails every call with its own AuthenticationError, also one that starts while the first rejection is read", async () => {
    // The 401's body arrives late: a call started in between must meet the token or the rejection, never neither.
    const server = await startRecordingServer((request, response) => {
      response.writeHead(401, { "Content-Type": "application/json" });
      response.write('{"success": false, ');
      setTimeout(() => response.end('"errormsg": "token expired"}'), request.path.endsWith("/server/") ? 300 : 0);
    });
    try {
      const { createClient, AuthenticationError, isApiError } = await loadGenerated("pem/v10");
      const pem = createClient({ baseUrl: server.origin, auth: { token: "caller-token-1" }, retry: false });
      const first = pem.server.list().catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const during = pem.agent.list().catch((e: unknown) => e);
      const [a, b] = await Promise.all([first, during]);
      const after = await pem.agent.list().catch((e: unknown) => e);
      for (const error of [a, b, after]) {
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(error).toMatchObject({ status: 401, body: { success: false, errormsg: "token expired" } });
      }
      expect([a.path, b.path, after.path]).toEqual(["/server/", "/agent/", "/agent/"]);
      expect(isApiError(after, "agent.list")).toBe(true);
      expect(after).not.toBe(b);
      // The one after the rejection is not sent: the token is known to be rejected.
      expect(server.requests.map((r) => r.path)).toEqual(["/api/v10/server/", "/api/v10/agent/"]);
    } finally {
      await server.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationModel } from "../../generator/normalize/build-model.js";
import { resolveRef } from "../../generator/normalize/resolve-ref.js";
import { type FakeRoute, routePattern, startFakePem } from "../support/fake-pem.js";
import { loadGenerated, recordingLogger } from "../support/generated-client.js";
import { sampleOf } from "../support/schema-sample.js";
import { shippedModel } from "../support/shipped-models.js";
import { createTestPki, type TestPki } from "../support/test-ca.js";

/**
 * One operation of every PEM v17 area (tag), called through the generated client over HTTPS
 * against the fake PEM: the request carries what the spec describes, the answer comes back as
 * data. Inputs and answers are made from the spec's own schemas.
 */
type Json = Record<string, any>;

interface Exercise {
  area: string;
  operation: OperationModel;
  input: Json;
  answer: unknown;
  expectedPath: string;
}

/** Operations chosen where an area has one the issue names (a blackout, an import); else its first. */
const PREFERRED = new Set(["blackout.create", "profile.import"]);

function exercises(document: Json, operations: OperationModel[]): Exercise[] {
  const byArea = new Map<string, OperationModel>();
  for (const operation of operations) {
    const area = document.paths[operation.path][operation.httpMethod].tags?.[0] ?? operation.namespace;
    if (!byArea.has(area) || PREFERRED.has(`${operation.namespace}.${operation.name}`)) byArea.set(area, operation);
  }
  return [...byArea].map(([area, operation]) => {
    const raw = document.paths[operation.path][operation.httpMethod];
    const input: Json = {};
    let expectedPath = operation.path;
    for (const parameter of [...(document.paths[operation.path].parameters ?? []), ...(raw.parameters ?? [])]) {
      if (parameter.in !== "path" && !(parameter.in === "query" && parameter.required)) continue;
      const value = sampleOf(document, parameter.schema);
      input[parameter.in] ??= {};
      input[parameter.in]![parameter.name] = value;
      if (parameter.in === "path") expectedPath = expectedPath.replace(`{${parameter.name}}`, String(value));
    }
    if (raw.requestBody) input.body = sampleOf(document, resolveRef<Json>(document, raw.requestBody)!.content["application/json"]?.schema);
    const success = Object.entries<Json>(raw.responses).find(([status]) => status.startsWith("2"))?.[1];
    const answer = sampleOf(document, success && resolveRef<Json>(document, success)?.content?.["application/json"]?.schema) ?? {};
    return { area, operation, input, answer, expectedPath };
  });
}

describe("every PEM v17 area end to end over HTTPS", () => {
  let pki: TestPki;
  let pem: Awaited<ReturnType<typeof startFakePem>>;
  let cases: Exercise[];
  let areas: Set<string>;
  const base = "/pem/api/v17";

  beforeAll(async () => {
    const model = await shippedModel("pem", "v17");
    const document = model.document as unknown as Json;
    cases = exercises(document, model.operations);
    areas = new Set(model.operations.map((op) => document.paths[op.path][op.httpMethod].tags?.[0]));
    const routes: FakeRoute[] = cases.map((c) => ({
      method: c.operation.httpMethod.toUpperCase(),
      path: routePattern(base, c.operation.path),
      body: c.answer,
    }));
    pki = await createTestPki();
    pem = await startFakePem({ prefix: "/pem/api", tls: { cert: pki.serverCert, key: pki.serverKey }, routes, supportedVersions: ["v17"] });
  });
  afterAll(async () => {
    await pem?.close();
  });

  it("covers every area of the spec, a blackout and an import among them", () => {
    expect(new Set(cases.map((c) => c.area))).toEqual(areas);
    expect(areas.size).toBeGreaterThanOrEqual(26);
    expect(cases.map((c) => `${c.operation.namespace}.${c.operation.name}`)).toEqual(expect.arrayContaining([...PREFERRED]));
  });

  it("sends each call as the spec describes and returns the answer", async () => {
    const { createClient } = await loadGenerated("pem/v17");
    await using client = createClient({ baseUrl: pem.origin, auth: { username: pem.username, password: pem.password }, tls: { ca: pki.ca } });
    for (const c of cases) {
      const method = client[c.operation.namespace][c.operation.name];
      const data = c.operation.parameters.path || c.operation.parameters.query || c.operation.requestBody ? await method(c.input) : await method();
      expect(data, c.area).toEqual(c.answer);
      const sent = pem.requests.at(-1)!;
      expect({ method: sent.method, path: sent.path }, c.area).toEqual({ method: c.operation.httpMethod.toUpperCase(), path: base + c.expectedPath });
      expect(sent.headers["x-auth-token"], c.area).toBe(pem.state.issued[0]);
      if (c.input.body !== undefined) expect(JSON.parse(sent.body), c.area).toEqual(c.input.body);
      if (c.input.query) expect(sent.query, c.area).toEqual(Object.fromEntries(Object.entries(c.input.query).map(([k, v]) => [k, String(v)])));
    }
    expect(pem.state.logins).toBe(1);
  });
});

describe("PEM error bodies", () => {
  it("surface { success, errormsg } of a 400 in ApiError", async () => {
    const routes = [{ method: "GET", path: /^\/api\/v10\/server\/$/, status: 400, body: { success: 0, errormsg: "Invalid value for the parameter: limit" } }];
    const pem = await startFakePem({ routes });
    try {
      const { createClient, ApiError } = await loadGenerated("pem/v10");
      const client = createClient({ baseUrl: pem.origin, auth: { username: pem.username, password: pem.password } });
      const error = await client.server.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 400, serverMessage: "Invalid value for the parameter: limit", body: { success: 0 } });
      expect(error.message).toBe("GET /server/ failed with HTTP 400: Invalid value for the parameter: limit");
    } finally {
      await pem.close();
    }
  });
});

describe("PEM base path: /api/… or /pem/api/…", () => {
  let pem: Awaited<ReturnType<typeof startFakePem>> | undefined;
  afterAll(async () => {
    await pem?.close();
  });

  it.each([
    ["pem/v10", "/api/v10", "/pem/api"],
    ["pem/v17", "/pem/api/v17", "/api"],
  ] as const)("%s (spec base %s) finds a server that serves %s at its first login, and keeps it", async (entry, _specBase, prefix) => {
    await pem?.close();
    pem = await startFakePem({ prefix, supportedVersions: ["v10", "v17"] });
    const { lines, logger } = recordingLogger();
    const { createClient } = await loadGenerated(entry);
    const client = createClient({ baseUrl: pem.origin, auth: { username: pem.username, password: pem.password }, logger });
    await client.server.list();
    await client.server.list();
    await client.logout();
    const version = entry.split("/")[1];
    const other = prefix === "/api" ? "/pem/api" : "/api";
    expect(pem.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${other}/token/`,
      `POST ${prefix}/token/`,
      `GET ${prefix}/${version}/server/`,
      `GET ${prefix}/${version}/server/`,
      `DELETE ${prefix}/token/`,
    ]);
    const chosen = lines.filter((l) => l.level === "debug" && l.message.includes("token API answered"));
    expect(chosen).toEqual([
      { level: "debug", message: `PEM: the server's token API answered at ${prefix}/token/; using ${pem.origin}${prefix}/${version} for this client's calls` },
    ]);
  });

  it("passes over a layout whose every path answers a web page", async () => {
    await pem?.close();
    pem = await startFakePem({ prefix: "/pem/api", routes: [{ method: "POST", path: /^\/api\/token\/$/, body: "<html>PEM login page</html>" }] });
    const { createClient } = await loadGenerated("pem/v10");
    const client = createClient({ baseUrl: pem.origin, auth: { username: pem.username, password: pem.password } });
    expect(await client.server.list()).toEqual([{ id: 1, name: "PEM Server" }]);
    expect(pem.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/token/", "POST /pem/api/token/", "GET /pem/api/v10/server/"]);
  });

  it("keeps looking while no layout has answered, and says where it looked", async () => {
    await pem?.close();
    pem = await startFakePem({ prefix: "/nowhere", supportedVersions: ["v10", "v17"] });
    const { lines, logger } = recordingLogger();
    const { createClient, ApiError } = await loadGenerated("pem/v17");
    const client = createClient({ baseUrl: pem.origin, auth: { username: pem.username, password: pem.password }, logger, retry: false });
    await expect(client.server.list()).rejects.toBeInstanceOf(ApiError);
    expect(lines.filter((l) => l.level === "warn").map((l) => l.message)).toEqual([
      expect.stringContaining("no token API answered at /pem/api/token/ and /api/token/"),
    ]);
    pem.state.prefix = "/api";
    await client.server.list();
    expect(pem.requests.map((r) => `${r.method} ${r.path}`).slice(2)).toEqual(["POST /pem/api/token/", "POST /api/token/", "GET /api/v17/server/"]);
  });

  it("releases a caller's token at the layout that knows it", async () => {
    await pem?.close();
    pem = await startFakePem({ prefix: "/pem/api" });
    const { createClient } = await loadGenerated("pem/v10");
    const login = createClient({ baseUrl: pem.origin, auth: { username: pem.username, password: pem.password } });
    await login.server.list();
    const token = pem.state.issued[0];
    const byToken = createClient({ baseUrl: `${pem.origin}/pem/api/v10`, auth: { token } });
    await byToken.server.list();
    const originOnly = createClient({ baseUrl: pem.origin, auth: { token } });
    await originOnly.logout();
    expect(pem.requests.slice(-2).map((r) => `${r.method} ${r.path}`)).toEqual(["DELETE /api/token/", "DELETE /pem/api/token/"]);
    await expect(byToken.server.list()).rejects.toMatchObject({ name: "AuthenticationError" });
  });

  it("never looks elsewhere when baseUrl or tokenUrl has a path", async () => {
    await pem?.close();
    pem = await startFakePem({ prefix: "/pem/api" });
    const { createClient, ApiError } = await loadGenerated("pem/v10");
    const wrong = createClient({ baseUrl: `${pem.origin}/api/v10`, auth: { username: pem.username, password: pem.password }, retry: false });
    await expect(wrong.server.list()).rejects.toBeInstanceOf(ApiError);
    expect(pem.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/token/"]);
    const byTokenUrl = createClient({
      baseUrl: pem.origin,
      tokenUrl: `${pem.origin}/pem/api/token/`,
      auth: { username: pem.username, password: pem.password },
    });
    await byTokenUrl.server.list();
    expect(pem.requests.slice(1).map((r) => `${r.method} ${r.path}`)).toEqual(["POST /pem/api/token/", "GET /pem/api/v10/server/"]);
  });
});

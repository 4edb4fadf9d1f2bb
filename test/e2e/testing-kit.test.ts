import { execFile } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrowawayPki, serialNumber } from "../../generated/testing/certificate.js";
import { createFakeFetch, type FakePem, type FakePmm, type PemVersion, type PmmVersion, startFakePem, startFakePmm } from "../../generated/testing/index.js";
import { versions } from "../../generated/testing/models.js";
import { fill } from "../../generated/testing/values.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { loadGenerated } from "../support/generated-client.js";
import { loadFakeModel, planRoundTrips } from "../support/kit-round-trip.js";
import { runRoundTrip } from "../support/kit-round-trip-runner.js";
import { GENERATED_DIR, projectTempDir, ROOT, SPECS_DIR } from "../support/paths.js";

/**
 * pem-pmm-client/testing, from generated/: the fakes serve every shipped version, keep state
 * as a server does, check credentials, inject faults and speak TLS with their own CA. Clients
 * are the generated ones with `validate: "strict"`, so every answer they read is checked.
 */
const entries = await Promise.all(
  (await discoverSpecs(SPECS_DIR))
    .filter((entry) => /^v\d+$/.test(entry.version))
    .map(async (entry) => ({ ...entry, plans: planRoundTrips(await loadFakeModel(entry.api, entry.version)) })),
);
const start = (api: string, version: string): Promise<FakePem | FakePmm> =>
  api === "pem" ? startFakePem({ version: version as PemVersion }) : startFakePmm({ version: version as PmmVersion });

/** A strict client of the fake's version, without retries unless `extra` says. */
async function clientFor(fake: FakePem | FakePmm, extra: Record<string, unknown> = {}): Promise<any> {
  const { createClient } = await loadGenerated(`${fake.api}/${fake.version}` as never);
  const auth = "tokens" in fake ? { token: fake.tokens[0] } : fake.users[0];
  return createClient({ baseUrl: fake.url, auth, validate: "strict", retry: false, ...extra });
}

describe("the fakes serve every version in specs/", () => {
  it("offer exactly the versions the specs hold, newest by default", async () => {
    for (const api of new Set(entries.map((e) => e.api))) {
      expect(versions[api]).toEqual(entries.filter((e) => e.api === api).map((e) => e.version));
    }
    await using pem = await startFakePem();
    await using pmm = await startFakePmm();
    expect([pem.version, pmm.version]).toEqual([versions.pem!.at(-1), versions.pmm!.at(-1)]);
    await expect(startFakePmm({ version: "v1" as never })).rejects.toThrow(
      new TypeError(`startFakePmm: version must be one of ${versions.pmm!.map((v) => `"${v}"`).join(", ")}; got "v1".`),
    );
  });

  describe.each(entries)("$api $version", ({ api, version, plans }) => {
    let fake: FakePem | FakePmm;
    beforeAll(async () => {
      fake = await start(api, version);
    });
    afterAll(() => fake?.close());

    it("answers every operation, a sample input each, with a body its validators accept", async () => {
      const model = await loadFakeModel(api, version);
      const { responses } = await import(pathToFileURL(path.join(GENERATED_DIR, api, version, "validators.js")).href);
      const headers = await authHeaders(fake, model.basePath);
      const problems: string[] = [];
      for (const op of model.operations) {
        const url = new URL(`${model.basePath}${op.path.replace(/\{[^}]+\}/g, "1")}`, fake.url);
        const body = op.body ? JSON.stringify(fill(model, op.body, undefined)) : undefined;
        const answer = await fetch(url, { method: op.method, headers: { ...headers, "content-type": "application/json" }, body });
        const status = String(answer.status);
        const text = await answer.text();
        if (answer.status === 404) continue; // an item that is not stored: what a server answers too
        if (!op.success.some((s) => s.status === status)) problems.push(`${op.operation}: ${status} ${text}`);
        const check = responses[op.operation]?.[status];
        if (!check) continue;
        const found: unknown[] = [];
        check(JSON.parse(text), found);
        if (found.length > 0) problems.push(`${op.operation}: ${JSON.stringify(found[0])}`);
      }
      expect(problems).toEqual([]);
    });

    it("derives a create → list → get → update → delete round trip for at least three areas", () => {
      expect(plans.length).toBeGreaterThanOrEqual(3);
    });

    it.each(plans.map((plan) => [plan.resource, plan] as const))("round-trips %s with strict validation", async (_, plan) => {
      const report = await runRoundTrip(await clientFor(fake), plan);
      expect(report).toEqual({
        resource: plan.resource,
        id: expect.anything(),
        listedAfterCreate: true,
        gotId: report.id,
        readBack: true,
        listedAfterDelete: false,
        statusAfterDelete: plan.get ? 404 : null,
      });
    });
  });
});

/** What a raw request needs to pass the fake's auth: PMM's Bearer token, or a PEM token from a real login. */
async function authHeaders(fake: FakePem | FakePmm, basePath: string): Promise<Record<string, string>> {
  if ("tokens" in fake) return { authorization: `Bearer ${fake.tokens[0]}` };
  // The token API sits beside the version's API: `/pem/api/v17` → `/pem/api/token/`.
  const layout = basePath.replace(/\/[^/]+$/, "");
  const login = await fetch(new URL(`${layout}/token/`, fake.url), { method: "POST", body: JSON.stringify(fake.users[0]) });
  return { "x-auth-token": login.headers.get("x-subject-token") ?? "" };
}

describe("options", () => {
  it.each([
    [() => startFakePem({ tokenTtlMs: -1 }), "startFakePem: tokenTtlMs must be a positive number of ms; got -1."],
    [() => startFakePem({ layout: "/x" as never }), 'startFakePem: layout must be "/api" or "/pem/api"; got "/x".'],
    [() => startFakePem({ users: "admin" as never }), "startFakePem: users must be an array of { username, password } strings."],
    [() => startFakePmm({ tokens: [""] }), "startFakePmm: tokens must be an array of non-empty strings."],
    [() => startFakePmm({ seed: { "/v1/nope": [{}] } }), /^This fake keeps no resource "\/v1\/nope"; it keeps: /],
  ])("refuses a bad option with a TypeError before listening (%#)", async (start, message) => {
    const error = await start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    if (typeof message === "string") expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
  });
});

describe("PEM auth", () => {
  it("refuses wrong credentials with 401, logs in with a right one and answers 401 without a live token", async () => {
    await using fake = await startFakePem();
    const wrong = await clientFor(fake, { auth: { username: fake.users[0]!.username, password: "wrong" } });
    await expect(wrong.server.list()).rejects.toMatchObject({ name: "AuthenticationError" });
    const right = await clientFor(fake);
    expect((await right.server.list()).map((s: { name: string }) => s.name)).toEqual(["PEM Server"]);
    const { basePath } = await loadFakeModel("pem", fake.version);
    const anonymous = await fetch(new URL(`${basePath}/server/`, fake.url));
    expect(anonymous.status).toBe(401);
  });

  it("answers the login as the spec says: 201, X-Subject-Token, expiresAt after tokenTtlMs, the versions it serves", async () => {
    await using fake = await startFakePem({ tokenTtlMs: 60_000 });
    const answer = await fetch(new URL("/pem/api/token/", fake.url), { method: "POST", body: JSON.stringify(fake.users[0]) });
    const body = await answer.json();
    expect(answer.status).toBe(201);
    expect(answer.headers.get("x-subject-token")).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(body.expiresAt) - Date.parse(body.issuedAt)).toBe(60_000);
    expect(body.supported_api_versions).toEqual(versions.pem);
  });

  it("expireTokens() makes the next call log in again, transparently", async () => {
    await using fake = await startFakePem();
    const client = await clientFor(fake);
    await client.server.list();
    fake.expireTokens();
    await client.server.list();
    expect(fake.requests.map((r) => `${r.method} ${r.operation}`)).toEqual([
      "POST token.create",
      "GET server.list",
      "GET server.list",
      "POST token.create",
      "GET server.list",
    ]);
  });

  it("releases a token at DELETE …/token/ (the client's logout)", async () => {
    await using fake = await startFakePem();
    const client = await clientFor(fake);
    await client.server.list();
    await client.logout();
    const token = fake.requests[0] && fake.requests.find((r) => r.operation === "token.delete")?.headers["x-auth-token"];
    expect(token).toBeTruthy();
    const { basePath } = await loadFakeModel("pem", fake.version);
    const after = await fetch(new URL(`${basePath}/server/`, fake.url), { headers: { "x-auth-token": token! } });
    expect(after.status).toBe(401);
  });

  it.each(["/api", "/pem/api"] as const)("serves layout %s, which the client finds from the origin", async (layout) => {
    await using fake = await startFakePem({ layout });
    await (await clientFor(fake)).server.list();
    expect(fake.requests.filter((r) => r.path.startsWith(`${layout}/`) && r.operation).map((r) => r.operation)).toEqual(["token.create", "server.list"]);
  });
});

describe("PMM auth", () => {
  it("accepts a Bearer token, Basic api_key:TOKEN and a Basic user; 401 otherwise", async () => {
    await using fake = await startFakePmm({ tokens: ["glsa_kit"], users: [{ username: "ops", password: "s3cret" }] });
    const status = async (authorization?: string) =>
      (await fetch(new URL("/v1/inventory/nodes", fake.url), { headers: authorization ? { authorization } : {} })).status;
    const basic = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;
    expect(await status("Bearer glsa_kit")).toBe(200);
    expect(await status(basic("api_key:glsa_kit"))).toBe(200);
    expect(await status(basic("ops:s3cret"))).toBe(200);
    expect(await status("Bearer other")).toBe(401);
    expect(await status(basic("ops:wrong"))).toBe(401);
    expect(await status()).toBe(401);
    const client = await clientFor(fake, { auth: { token: "other" } });
    await expect(client.nodes.listNodes()).rejects.toMatchObject({ status: 401 });
  });
});

describe("state", () => {
  it("keeps PMM 3's type-keyed objects under their key, and 404s an unknown or deleted id", async () => {
    await using fake = await startFakePmm({ version: "v3" });
    const client = await clientFor(fake);
    const added = await client.nodes.addNode({ body: { generic: { node_name: "db-1", address: "10.0.0.1" } } });
    expect(added).toEqual({ generic: { node_id: expect.any(String), node_name: "db-1", address: "10.0.0.1" } });
    expect(await client.nodes.listNodes()).toEqual({ generic: [added.generic] });
    await expect(client.nodes.getNode({ path: { node_id: "nope" } })).rejects.toMatchObject({ status: 404 });
    expect(fake.state.list("/v1/inventory/nodes")).toMatchObject([{ id: added.generic.node_id, variant: "generic" }]);
  });

  it("starts PEM with its own server as server 1, takes a seed, and reset() returns to it", async () => {
    await using fake = await startFakePem({ seed: { "/probe": [{ probe_name: "seeded" }] } });
    const client = await clientFor(fake);
    expect((await client.server.list()).map((s: { id: number }) => s.id)).toEqual([1]);
    expect((await client.probe.list()).map((p: { probe_name: string }) => p.probe_name)).toEqual(["seeded"]);
    fake.state.put("/server", { name: "added" });
    fake.fail({ operation: "server.list", status: 500 });
    fake.reset();
    expect(fake.requests).toEqual([]);
    expect((await client.server.list()).map((s: { name: string }) => s.name)).toEqual(["PEM Server"]);
  });

  it("names what it keeps when asked for a resource it does not", async () => {
    await using fake = await startFakePmm();
    expect(() => fake.state.list("/nope")).toThrow(/This fake keeps no resource "\/nope"; it keeps: \/v1\//);
  });

  it("records each request: method, path, query, lower-case headers, parsed body, operation", async () => {
    await using fake = await startFakePmm({ version: "v3" });
    const client = await clientFor(fake);
    await client.nodes.listNodes({ query: { node_type: "NODE_TYPE_GENERIC_NODE" } });
    await client.nodes.addNode({ body: { generic: { node_name: "n" } } });
    expect(fake.requests).toEqual([
      expect.objectContaining({
        method: "GET",
        path: "/v1/inventory/nodes",
        query: { node_type: "NODE_TYPE_GENERIC_NODE" },
        body: undefined,
        operation: "nodes.listNodes",
      }),
      expect.objectContaining({ method: "POST", path: "/v1/inventory/nodes", query: {}, body: { generic: { node_name: "n" } }, operation: "nodes.addNode" }),
    ]);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${fake.tokens[0]}`);
  });
});

describe("faults", () => {
  it("answers the next `times` calls with the status: an error with retry off, a success after retries with it on", async () => {
    await using fake = await startFakePmm();
    const noRetry = await clientFor(fake);
    fake.fail({ operation: "nodes.listNodes", status: 503, times: 2 });
    await expect(noRetry.nodes.listNodes()).rejects.toMatchObject({ name: "ApiError", status: 503 });
    const retrying = await clientFor(fake, { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } });
    expect(await retrying.nodes.listNodes()).toEqual({});
    expect(fake.requests.map((r) => r.operation)).toEqual(["nodes.listNodes", "nodes.listNodes", "nodes.listNodes"]);
  });

  it("hangs a call for delayMs, which a client's timeout turns into a TimeoutError", async () => {
    await using fake = await startFakePmm();
    fake.fail({ operation: "nodes.listNodes", delayMs: 5_000 });
    const client = await clientFor(fake, { timeoutMs: 100 });
    await expect(client.nodes.listNodes()).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("refuses a fault without a known operation or without a status or delay", async () => {
    await using fake = await startFakePmm();
    expect(() => fake.fail({ status: 500 } as never)).toThrow(TypeError);
    expect(() => fake.fail({ operation: "nodes.listNodes" })).toThrow("fail: give a status, a delayMs, or both.");
    expect(() => fake.fail({ operation: "nodes.list", status: 500 })).toThrow(
      /^fail: this fake has no operation "nodes.list"; operations are client method names, such as /,
    );
  });
});

describe("TLS", () => {
  it("serves HTTPS with a throwaway CA: trusted with `tls: { ca }`, a TlsError without", async () => {
    await using fake = await startFakePem({ tls: true });
    expect(fake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const trusting = await clientFor(fake, { tls: { ca: fake.ca } });
    expect((await trusting.server.list()).length).toBe(1);
    const untrusting = await clientFor(fake);
    await expect(untrusting.server.list()).rejects.toMatchObject({ name: "TlsError" });
  });

  it("makes a CA and a server certificate for 127.0.0.1 and localhost that the CA signed", () => {
    const pki = createThrowawayPki();
    const [ca, cert] = [new X509Certificate(pki.ca), new X509Certificate(pki.cert)];
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.subjectAltName).toBe("IP Address:127.0.0.1, DNS:localhost");
    expect(cert.verify(ca.publicKey) && cert.checkIssued(ca)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(pki.key))).toBe(true);
  });

  it("gives every certificate a serial that strict DER readers accept, whatever the random bytes", () => {
    // A zero first byte, then a byte below 0x80: the padding OpenSSL refuses. The top bit: a negative INTEGER.
    for (const random of [
      [0x00, 0x01, 0x02],
      [0x00, 0x80, 0x02],
      [0x80, 0x00, 0x00],
      [0xff, 0xff, 0xff],
      [0x00, 0x00, 0x00],
    ]) {
      const serial = serialNumber(Buffer.from(random));
      expect(serial.length, `${random}`).toBe(random.length);
      expect(serial[0], `${random}`).toBeGreaterThan(0);
      expect(serial[0], `${random}`).toBeLessThan(0x80);
    }
    // And the certificates made with it read back, many times over (the old serial failed one in 256).
    for (let run = 0; run < 300; run++) {
      const pki = createThrowawayPki();
      expect(() => [new X509Certificate(pki.ca), new X509Certificate(pki.cert)]).not.toThrow();
    }
  });
});

describe("createFakeFetch", () => {
  it("answers as the server would, with no socket", async () => {
    const fake = await createFakeFetch({ api: "pem", version: versions.pem![0] as PemVersion });
    const client = await clientFor({ ...fake, close: async () => {} } as never, { fetch: fake.fetch });
    await client.probe.create({ body: { probe_name: "no sockets" } });
    expect(fake.state.list("/probe").map((p) => p.value.probe_name)).toEqual(["no sockets"]);
    expect(fake.requests.map((r) => r.operation)).toEqual(["token.create", "probe.create"]);
    await expect(createFakeFetch({ api: "other" } as never)).rejects.toThrow('createFakeFetch needs options.api: "pem" or "pmm".');
  });
});

describe("README: Testing your code", () => {
  it("has a node:test example that passes when node --test runs it", async () => {
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    const program = /## Testing your code[\s\S]*?With `node:test`[^\n]*\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(program).toContain('from "pem-pmm-client/testing"');
    const js = ts.transpileModule(program!, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const file = path.join(await projectTempDir("readme-node-test"), "example.test.mjs");
    await writeFile(
      file,
      js.replace(/"pem-pmm-client\/([^"]+)"/g, (_m, entry: string) => JSON.stringify(pathToFileURL(path.join(GENERATED_DIR, entry, "index.js")).href)),
    );
    const { stdout } = await promisify(execFile)(process.execPath, ["--test", file]);
    expect(stdout).toMatch(/^# pass 1$/m);
    expect(stdout).toMatch(/^# fail 0$/m);
  });
});

import { cp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCalls, type PlannedCall, skippedOperations, type TableOperation, tableOperations } from "../../generator/drift/server-check.js";
import type { ApiModel } from "../../generator/normalize/build-model.js";
import { resolveRef } from "../../generator/normalize/resolve-ref.js";
import { type FakeRoute, routePattern, startFakePem } from "../support/fake-pem.js";
import { loadGenerated } from "../support/generated-client.js";
import { projectTempDir, ROOT } from "../support/paths.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { runCli } from "../support/run-cli.js";
import { sampleOf } from "../support/schema-sample.js";
import { shippedModel } from "../support/shipped-models.js";
import { createTestPki } from "../support/test-ca.js";

/**
 * `npm run check-server` against a fake PEM and a fake PMM on 127.0.0.1 that answer every
 * operation it calls with a body made from the spec, except a few that drift on purpose.
 * It runs the generated client in generated/: `npm run generate` first.
 */
/** The operations check-server reads from a shipped entry's table. */
const tableOf = async (entry: "pem/v10" | "pmm/v3"): Promise<TableOperation[]> => tableOperations((await loadGenerated(entry)).operationTable);

/** A body that follows the spec for a call's first JSON success answer, and that status. */
function answerOf(spec: ApiModel, call: PlannedCall): { status: number; body: unknown } {
  const document = spec.document as Record<string, any>;
  const operation = spec.operations.find((op) => op.namespace === call.operation.namespace && op.name === call.operation.method)!;
  const media = operation.success.find((m) => m.contentType)!;
  const response = resolveRef<any>(document, document.paths[operation.path][operation.httpMethod].responses[media.status]);
  return { status: Number(media.status), body: sampleOf(document, response.content[media.contentType!].schema) };
}

/** The login attempts a fake PEM saw, at any layout. */
const loginsAt = (pem: Awaited<ReturnType<typeof startFakePem>>) => pem.requests.filter((r) => r.method === "POST" && r.path.endsWith("/token/")).length;

describe("check-server against PEM v10", () => {
  let pem: Awaited<ReturnType<typeof startFakePem>>;
  let spec: ApiModel;
  let calls: PlannedCall[];
  let operations: TableOperation[];
  /** Method name → where its answer drifts. */
  const drifted = new Map<string, string>();

  beforeAll(async () => {
    spec = await shippedModel("pem", "v10");
    operations = await tableOf("pem/v10");
    calls = defaultCalls(operations);
    const routes: FakeRoute[] = calls.map((call) => {
      const { status, body } = answerOf(spec, call);
      return { method: "GET", path: routePattern("/api/v10", call.operation.entry.path), status, body };
    });
    // Two operations drift: a list whose second item has a number where a string belongs, and an object sent as a string.
    const list = calls.find((c) => Array.isArray(answerOf(spec, c).body))!;
    const item = (answerOf(spec, list).body as Record<string, unknown>[])[0]!;
    const stringField = Object.keys(item).find((key) => typeof item[key] === "string")!;
    routes[calls.indexOf(list)]!.body = [item, { ...item, [stringField]: 42 }];
    drifted.set(list.name, `/1/${stringField}`);
    const other = calls.find((c) => c !== list && routes[calls.indexOf(c)]!.body?.constructor === Object)!;
    routes[calls.indexOf(other)]!.body = "not an object";
    drifted.set(other.name, "(the body)");
    pem = await startFakePem({ prefix: "/api", supportedVersions: ["v10"], routes });
  });
  afterAll(() => pem.close());

  it("calls every GET operation without input, names the ones that disagree and where, exits 1, and never prints the password", async () => {
    const result = await runCli("check-server", ["pem", "v10", "--base-url", pem.origin, "--auth", "env:PEM_CHECK_AUTH"], {
      env: { PEM_CHECK_AUTH: `${pem.username}:${pem.password}` },
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const disagreeing = [...drifted].map(([name, pointer]) => ({ name, pointer }));
    const skipped = skippedOperations(operations, calls, false);
    expect(result.stdout).toContain(
      `pem v10: ${calls.length} operations called; 2 disagree with the spec, 0 could not be checked; ${skipped.length} not called.`,
    );
    // Every operation it did not call is listed, with the reason.
    const listed = result.stdout.slice(result.stdout.indexOf("\nNot called:\n"));
    for (const { name, operation, reason } of skipped) expect(listed).toContain(`  ${name} (${operation.entry.method} ${operation.entry.path}): ${reason}\n`);
    expect(new Set(skipped.map((s) => s.reason)).size).toBeGreaterThan(1);
    expect(listed).toMatch(/ server\.update \(PUT [^)]+\): a PUT: the check only reads\n/);
    // One login for the whole run.
    expect(loginsAt(pem)).toBe(1);
    for (const { name, pointer } of disagreeing)
      expect(result.stdout).toMatch(new RegExp(`  ${name.replace(".", "\\.")} \\(GET [^)]+\\), HTTP 200\\n    ${pointer.replace(/[()]/g, "\\$&")}: expected `));
    expect(result.stdout).not.toContain(pem.password);
    expect(pem.dataRequests().map((r) => r.method)).toEqual(calls.map(() => "GET"));
    // It logged out at the end.
    expect(pem.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/api/token/" });
  });

  it("calls only the listed operations with their input, and refuses to call one that writes", async () => {
    const dir = await projectTempDir("check-server");
    const listed = path.join(dir, "calls.json");
    const clean = calls.find((c) => !drifted.has(c.name))!;
    await writeFile(listed, JSON.stringify([clean.name]));
    const before = pem.dataRequests().length;
    const result = await runCli("check-server", ["pem", "v10", "--base-url", pem.origin, "--auth", `${pem.username}:${pem.password}`, "--operations", listed]);
    const others = spec.operations.length - 1;
    expect(result.stdout).toMatch(new RegExp(`^pem v10: 1 operation called; all agree with the spec; ${others} not called\\.\n`));
    expect(result.stdout.match(/: not in --operations\n/g)).toHaveLength(others);
    expect(result.code).toBe(0);
    expect(pem.dataRequests().length).toBe(before + 1);

    await writeFile(listed, JSON.stringify([{ operation: "server.update", input: { path: { server_id: "1" }, body: {} } }]));
    const refused = await runCli("check-server", ["pem", "v10", "--base-url", pem.origin, "--auth", `${pem.username}:${pem.password}`, "--operations", listed]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("server.update is a PUT; the check only reads, so it calls GET operations only.");
    expect(pem.dataRequests().length).toBe(before + 1);

    await writeFile(listed, "[]");
    const none = await runCli("check-server", ["pem", "v10", "--base-url", pem.origin, "--auth", `${pem.username}:${pem.password}`, "--operations", listed]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`--operations ${listed} lists no method: there is nothing to check.`);
  });

  it("refuses an API key for PEM, and credentials over plain http:// to another machine unless --allow-insecure-http", async () => {
    const key = await runCli("check-server", ["pem", "v10", "--base-url", pem.origin, "--api-key", "k-123"]);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain("--api-key is not a way to log in to pem; it takes --auth <user>:<password> or --token <token>.");
    const plain = await runCli("check-server", ["pem", "v10", "--base-url", "http://pem.example.invalid", "--auth", "u:secret-pw"]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      "error: --base-url pem.example.invalid is plain http://: anyone on the network path could read the credentials. Use https://, or add --allow-insecure-http if this network is trusted.\nRun with --help for usage.\n",
    );
  });

  it("explains itself with --help, and asks for what is missing", async () => {
    const help = await runCli("check-server", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}npm run check-server -- <api> <version> --base-url <url>/);
    expect(help.stdout).toContain("3 none disagree but some calls could not be checked (or the run stopped), 4 the\nshipped spec cannot be read");
    // The credential flags come from the login kinds' table, each with what it means for each API.
    expect(help.stdout).toContain("  --api-key <key>            PMM: an API key\n");
    const missing = await runCli("check-server", ["pem", "v10"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("error: --base-url is required: the server to check, such as https://pem.example.com.\nRun with --help for usage.\n");
    const timeout = await runCli("check-server", ["pem", "v10", "--base-url", pem.origin, "--timeout-ms", "soon"]);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toMatch(/^error: timeoutMs must be a number of milliseconds/);
  });

  it("stops at a rejected password with exit 3 and a message naming --auth: at most one login per layout", async () => {
    const wrong = await startFakePem({ prefix: "/pem/api", supportedVersions: ["v10"] });
    try {
      // An origin alone: the client looks for the token API at both layouts (/api and /pem/api).
      const result = await runCli("check-server", ["pem", "v10", "--base-url", wrong.origin, "--auth", "pemuser:wrong-password-9"]);
      expect(result.code).toBe(3);
      expect(result.stderr).toBe(
        "error: the server rejected the credentials (HTTP 401), so the run stopped: more attempts could lock the account. Check --auth.\n",
      );
      expect(loginsAt(wrong)).toBeLessThanOrEqual(2);
      expect(wrong.dataRequests()).toEqual([]);
      expect(result.stdout).toContain(`: the run stopped before it\n`);
      expect(result.stdout.match(/: the run stopped before it\n/g)).toHaveLength(calls.length);
      expect(result.stdout + result.stderr).not.toContain("wrong-password-9");
    } finally {
      await wrong.close();
    }
  });

  it("names its own flags in TLS advice (--ca, --insecure), and stops at the first TLS failure", async () => {
    const pki = await createTestPki();
    const secure = await startFakePem({ supportedVersions: ["v10"], tls: { cert: pki.serverCert, key: pki.serverKey } });
    try {
      const result = await runCli("check-server", ["pem", "v10", "--base-url", secure.origin, "--auth", `${secure.username}:${secure.password}`]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /^error: POST \/api\/token\/: TLS failed \(127\.0\.0\.1:\d+, \w+\): the server's certificate is not trusted\. Pass its CA as --ca <file>; --insecure skips/,
      );
      expect(result.stderr).toContain("The run stopped: every call would fail the same way.\n");
      expect(result.stdout + result.stderr).not.toContain("tls.");
      expect(secure.requests).toEqual([]);
    } finally {
      await secure.close();
    }
  });

  it("says so when the credentials are malformed, without quoting them", async () => {
    const result = await runCli("check-server", ["pem", "v10", "--base-url", pem.origin, "--auth", "no-colon-secret"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--auth takes <user>:<password>");
    expect(result.stderr).not.toContain("no-colon-secret");
  });
});

describe("check-server against PMM v3", () => {
  it("reports a listed operation whose answer the spec gives no JSON schema as not checked (exit 3)", async () => {
    const dir = await projectTempDir("check-server-pmm");
    const listed = path.join(dir, "calls.json");
    await writeFile(listed, JSON.stringify(["server.logs"]));
    const server = await startRecordingServer((_request, response) => void response.writeHead(200, { "Content-Type": "application/zip" }).end("PK"));
    try {
      const result = await runCli("check-server", ["pmm", "v3", "--base-url", server.origin, "--operations", listed]);
      expect(result.stdout).toMatch(
        /^pmm v3: 1 operation called; 0 disagree with the spec, 1 could not be checked; \d+ not called\.\n\nNot checked:\n {2}server\.logs \(GET \/v1\/server\/logs\.zip\): the spec gives its answer no JSON schema to check against\n/,
      );
      expect(result.code).toBe(3);
    } finally {
      await server.close();
    }
  });

  it("reports an int64 sent as a number and a value outside an enum, and an answer the server refuses as not checked (exit 1)", async () => {
    const spec = await shippedModel("pmm", "v3");
    const operations = await tableOf("pmm/v3");
    const calls = defaultCalls(operations);
    const token = "pmm-service-token-7f3a";
    // nodes.listNodes takes an optional query: it is called, with none.
    expect(calls.map((c) => c.name)).toContain("nodes.listNodes");
    const answers = new Map(calls.map((call) => [call.operation.entry.path, answerOf(spec, call).body]));
    // Drift on purpose: PMM's gateway sends int64 as strings, this one sends a number; and a role the enum lacks.
    answers.set("/v1/users/me", { ...(answers.get("/v1/users/me") as object), user_id: 7 });
    answers.set("/v1/ha/nodes", {
      nodes: [
        { node_name: "pmm-1", role: "NODE_ROLE_LEADER" },
        { node_name: "pmm-2", role: "NODE_ROLE_OBSERVER\u2028forged line" },
        // A server that echoes the request: the token lands where the report quotes the answer.
        { node_name: "pmm-3", role: token },
      ],
    });
    const refused = calls.find((c) => c.name === "qan.healthCheck")!;
    const server = await startRecordingServer((request, response) => {
      if (request.path === refused.operation.entry.path) return sendJson(response, 503, { code: 14, message: "unavailable" }, { "Retry-After": "0" });
      sendJson(response, 200, answers.get(request.path) ?? {});
    });
    try {
      const result = await runCli("check-server", ["pmm", "v3", "--base-url", server.origin, "--token", "env:PMM_CHECK_TOKEN", "--timeout-ms", "2000"], {
        env: { PMM_CHECK_TOKEN: token },
      });
      expect(result.code).toBe(1);
      const skipped = skippedOperations(operations, calls, false).length;
      expect(result.stdout).toContain(`pmm v3: ${calls.length} operations called; 2 disagree with the spec, 1 could not be checked; ${skipped} not called.\n`);
      expect(server.requests.find((r) => r.path === "/v1/inventory/nodes")).toMatchObject({ method: "GET", query: {} });
      expect(result.stdout).toContain("user.getUser (GET /v1/users/me), HTTP 200\n    /user_id: expected string, received integer\n");
      expect(result.stdout).toContain(
        'ha.listNodes (GET /v1/ha/nodes), HTTP 200\n    /nodes/1/role: expected one of "NODE_ROLE_UNSPECIFIED", "NODE_ROLE_LEADER", "NODE_ROLE_FOLLOWER", received "NODE_ROLE_OBSERVER\\u2028forged line"\n' +
          '    /nodes/2/role: expected one of "NODE_ROLE_UNSPECIFIED", "NODE_ROLE_LEADER", "NODE_ROLE_FOLLOWER", received "[redacted]"\n',
      );
      expect(result.stdout).toContain(`Not checked:\n  ${refused.name} (GET ${refused.operation.entry.path}): the server answered HTTP 503\n`);
      expect(result.stdout + result.stderr).not.toContain(token);
      expect(server.requests.length).toBeGreaterThanOrEqual(calls.length);
      expect(server.requests.every((r) => r.method === "GET" && r.headers.authorization === `Bearer ${token}`)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe("check-server against a PMM that refuses the credentials", () => {
  it("stops at the first 401 (basic credentials go with every request), naming the flag given or the ones to give", async () => {
    const server = await startRecordingServer((_request, response) => sendJson(response, 401, { code: 16, message: "Unauthorized" }));
    try {
      const wrong = await runCli("check-server", ["pmm", "v3", "--base-url", server.origin, "--auth", "admin:wrong-pw-4"]);
      expect(wrong.code).toBe(3);
      expect(wrong.stderr).toBe(
        "error: the server rejected the credentials (HTTP 401), so the run stopped: more attempts could lock the account. Check --auth.\n",
      );
      expect(server.requests).toHaveLength(1);
      const none = await runCli("check-server", ["pmm", "v3", "--base-url", server.origin]);
      expect(none.code).toBe(3);
      expect(none.stderr).toContain("Check --auth, --token or --api-key.\n");
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

describe("check-server against a PMM that forbids some calls", () => {
  it("reports a 403 as that call's, not checked, and goes on with the others", async () => {
    const calls = defaultCalls(await tableOf("pmm/v3"));
    const forbidden = calls.find((c) => c.name === "user.getUser")!;
    const server = await startRecordingServer((request, response) =>
      request.path === forbidden.operation.entry.path ? sendJson(response, 403, { code: 7, message: "forbidden" }) : sendJson(response, 404, {}),
    );
    try {
      const result = await runCli("check-server", ["pmm", "v3", "--base-url", server.origin, "--token", "env:PMM_403_TOKEN"], {
        env: { PMM_403_TOKEN: "pmm-viewer-token" },
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(3);
      expect(result.stdout).toContain(`  ${forbidden.name} (GET ${forbidden.operation.entry.path}): the server answered HTTP 403\n`);
      expect(server.requests.length).toBeGreaterThanOrEqual(calls.length);
    } finally {
      await server.close();
    }
  });
});

describe("check-server with a project it cannot use", () => {
  it("refuses a generated/ without validators.js, and exits 4 (nothing called) when the shipped spec cannot be read", async () => {
    // A copy of the project's specs and PEM v10 client, so that the real ones are left alone.
    const root = await projectTempDir("check-server-project");
    for (const folder of ["specs", "generated/pem/v10"]) await cp(path.join(ROOT, folder), path.join(root, folder), { recursive: true });
    const check = () => runCli("check-server", ["pem", "v10", "--base-url", "https://pem.example.invalid"], { root, cwd: root });

    await rm(path.join(root, "generated/pem/v10/validators.js"));
    const stale = await check();
    expect(stale.stderr).toBe(
      "error: generated/pem/v10 has no validators.js (it predates response validation); run npm run generate first.\nRun with --help for usage.\n",
    );
    expect(stale.code).toBe(2);

    await cp(path.join(ROOT, "generated/pem/v10/validators.js"), path.join(root, "generated/pem/v10/validators.js"));
    await writeFile(path.join(root, "specs/pem/v10.yaml"), "openapi: 3.0.3\ninfo: { title: broken, version: '1' }\npaths: 12\n");
    const broken = await check();
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toMatch(/^error: /);
    expect(broken.code).toBe(4);
  });
});

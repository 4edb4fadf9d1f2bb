import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakePem } from "../support/fake-pem.js";
import { loadGenerated, recordingLogger } from "../support/generated-client.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { createTestPki } from "../support/test-ca.js";

/**
 * Failing scenarios with real credentials; every log line, error message, stack, cause
 * chain, inspect() and JSON.stringify() output is collected and searched for the secrets.
 */
const PASSWORD = "S3cret-Passw0rd-PEM";
const PMM_TOKEN = "glsa_SuperSecretServiceAccountToken_1234";
const API_KEY = "eyJrIjoiU2VjcmV0QXBpS2V5In0";
const PMM_PASSWORD = "pmm-admin-Pa55";

let pem: Awaited<ReturnType<typeof startFakePem>>;
let pemOverTls: Awaited<ReturnType<typeof startFakePem>>;
let pmmServer: Awaited<ReturnType<typeof startRecordingServer>>;
const { lines, logger } = recordingLogger();
const evidence: string[] = [];

function collect(value: unknown): void {
  evidence.push(inspect(value, { depth: Infinity, showHidden: true }));
  try {
    evidence.push(JSON.stringify(value) ?? "");
  } catch {
    // Circular structures cannot be serialized; inspect() above covers them.
  }
  for (let current = value, depth = 0; current instanceof Error && depth < 10; current = (current as { cause?: unknown }).cause, depth++) {
    evidence.push(current.message, current.stack ?? "");
  }
}

async function fails(call: () => Promise<unknown>): Promise<unknown> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  collect(error);
  return error;
}

beforeAll(async () => {
  pem = await startFakePem({ password: PASSWORD });
  const pki = await createTestPki();
  pemOverTls = await startFakePem({ password: PASSWORD, tls: { cert: pki.serverCert, key: pki.serverKey } });
  pmmServer = await startRecordingServer(async (request, response) => {
    if (request.path === "/slow") await new Promise((resolve) => setTimeout(resolve, 500));
    sendJson(response, 401, { code: 16, message: "Unauthorized", details: [] });
  });
});
afterAll(async () => {
  await pem.close();
  await pemOverTls.close();
  await pmmServer.close();
});

describe("secrets never leak", () => {
  it("in failing PEM scenarios", async () => {
    const { createClient } = await loadGenerated("pem/v10");
    const options = { baseUrl: pem.origin, logger, retry: { retries: 1, minDelayMs: 1 } };

    const wrongPassword = createClient({ ...options, auth: { username: pem.username, password: `${PASSWORD}-wrong` } });
    collect(wrongPassword);
    await fails(() => wrongPassword.server.list());

    const client = createClient({ ...options, auth: { username: pem.username, password: PASSWORD } });
    await client.server.list();
    collect(client);
    pem.state.rejectAll = true;
    await fails(() => client.server.list());
    pem.state.rejectAll = false;

    pem.state.unavailable = { count: 5, retryAfter: "0" };
    await fails(() => client.server.list());
    pem.state.unavailable = { count: 0, retryAfter: "0" };

    const tokenOnly = createClient({ ...options, auth: { token: pem.state.issued[0] } });
    pem.revokeAll();
    await fails(() => tokenOnly.server.list());

    const unreachable = createClient({ ...options, baseUrl: "http://127.0.0.1:9", auth: { username: pem.username, password: PASSWORD } });
    await fails(() => unreachable.server.list());

    const untrusted = createClient({ ...options, baseUrl: pemOverTls.origin, auth: { username: pem.username, password: PASSWORD } });
    expect(await fails(() => untrusted.server.list())).toMatchObject({ name: "TlsError" });

    pem.state.loginDelayMs = 500;
    const impatient = createClient({ ...options, timeoutMs: 100, auth: { username: pem.username, password: PASSWORD } });
    expect(await fails(() => impatient.server.list())).toMatchObject({ name: "TimeoutError" });
    pem.state.loginDelayMs = 0;

    pem.state.loginsUnavailable = 5;
    expect(await fails(() => createClient({ ...options, auth: { username: pem.username, password: PASSWORD } }).server.list())).toMatchObject({ status: 503 });
    pem.state.loginsUnavailable = 0;

    pem.state.redirect = { from: "/api/v10/server/", to: `${pmmServer.origin}/collect` };
    expect(await fails(() => client.server.list())).toMatchObject({ status: 307 });
    pem.state.redirect = undefined;
    await client.logout();

    expect(pem.state.issued.length).toBeGreaterThan(0);
    expectNoSecrets([PASSWORD, ...pem.state.issued]);
  });

  it("in failing PMM scenarios", async () => {
    const { createClient, pathClient } = await loadGenerated("pmm/v3");
    for (const auth of [{ token: PMM_TOKEN }, { apiKey: API_KEY }, { username: "admin", password: PMM_PASSWORD }]) {
      const client = createClient({ baseUrl: pmmServer.origin, auth, logger, timeoutMs: 100 });
      collect(client);
      await fails(() => client.nodes.listNodes());
      await fails(() => pathClient(client).GET("/slow" as never));
    }
    const sent = pmmServer.requests.map((r) => String(r.headers.authorization));
    expect(sent).toContain(`Bearer ${PMM_TOKEN}`);
    const basic = [Buffer.from(`api_key:${API_KEY}`).toString("base64"), Buffer.from(`admin:${PMM_PASSWORD}`).toString("base64")];
    expect(sent).toEqual(expect.arrayContaining([`Basic ${basic[0]}`, `Basic ${basic[1]}`]));
    expectNoSecrets([PMM_TOKEN, API_KEY, PMM_PASSWORD, ...basic]);
  });
});

function expectNoSecrets(secrets: string[]): void {
  const haystack = [...evidence, ...lines.map((l) => l.message)];
  expect(haystack.length).toBeGreaterThan(10);
  expect(lines.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    const leaks = haystack.filter((text) => text.includes(secret));
    expect(leaks, `secret found in: ${leaks[0]?.slice(0, 300)}`).toEqual([]);
  }
}

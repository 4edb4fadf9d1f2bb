import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakePem } from "../support/fake-pem.js";
import { loadGenerated, recordingLogger } from "../support/generated-client.js";
import { createTestPki, type TestPki } from "../support/test-ca.js";

/**
 * TLS through the generated PMM v3 client against HTTPS servers on 127.0.0.1 with
 * certificates from a CA made at test time.
 */
let pki: TestPki;
const servers: Server[] = [];

async function httpsServer(requireClientCert: boolean): Promise<string> {
  const server = createServer(
    { cert: pki.serverCert, key: pki.serverKey, ca: pki.ca, requestCert: requireClientCert, rejectUnauthorized: requireClientCert },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ generic: [{ node_id: "tls", node_name: peer?.subject?.CN ?? "" }] }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let plainTls: string;
let mutualTls: string;

beforeAll(async () => {
  pki = await createTestPki();
  plainTls = await httpsServer(false);
  mutualTls = await httpsServer(true);
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

async function pmm(baseUrl: string, options: Record<string, unknown>) {
  const { createClient } = await loadGenerated("pmm/v3");
  return createClient({ baseUrl, auth: { token: "t" }, retry: false, ...options });
}

describe("TLS", () => {
  it("trusts a private CA given as tls.ca", async () => {
    const client = await pmm(plainTls, { tls: { ca: pki.ca } });
    expect((await client.nodes.listNodes()).generic[0].node_id).toBe("tls");
  });

  it("accepts the CA as bytes", async () => {
    const client = await pmm(plainTls, { tls: { ca: [new TextEncoder().encode(pki.ca)] } });
    expect((await client.nodes.listNodes()).generic[0].node_id).toBe("tls");
  });

  it("fails with a clear TlsError when the certificate is not trusted", async () => {
    const { TlsError } = await loadGenerated("pmm/v3");
    for (const options of [{}, { tls: { ca: pki.otherCa } }]) {
      const client = await pmm(plainTls, options);
      const error = await client.nodes.listNodes().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TlsError);
      expect(String(error.message)).toMatch(
        /^GET \/v1\/inventory\/nodes: TLS failed \(127\.0\.0\.1:\d+, [A-Z_]+\): the server's certificate is not trusted\. Pass its CA as `tls\.ca`/,
      );
      expect(error).toMatchObject({ host: "127.0.0.1", port: Number(new URL(plainTls).port), code: expect.stringMatching(/^[A-Z_]+$/) });
    }
  });

  it("skips verification only with insecure: true, and warns once", async () => {
    const { lines, logger } = recordingLogger();
    const client = await pmm(plainTls, { tls: { insecure: true }, logger });
    await client.nodes.listNodes();
    await client.nodes.listNodes();
    expect(lines.filter((l) => l.level === "warn")).toEqual([{ level: "warn", message: expect.stringContaining("TLS certificate verification is off") }]);
  });

  it("never changes process-wide TLS settings", async () => {
    const client = await pmm(plainTls, { tls: { insecure: true }, logger: {} });
    await client.nodes.listNodes();
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    await expect(fetch(`${plainTls}/v1/inventory/nodes`)).rejects.toThrow();
  });

  it("presents a client certificate for mutual TLS", async () => {
    const client = await pmm(mutualTls, { tls: { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey } });
    expect((await client.nodes.listNodes()).generic[0].node_name).toBe("automation-client");
  });

  it("checks the certificate against tls.servername, and says so when it does not match", async () => {
    const { TlsError } = await loadGenerated("pmm/v3");
    const matching = await pmm(plainTls, { tls: { ca: pki.ca, servername: "localhost" } });
    expect((await matching.nodes.listNodes()).generic[0].node_id).toBe("tls");
    const error = await (await pmm(plainTls, { tls: { ca: pki.ca, servername: "pem.example.com" } })).nodes.listNodes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsError);
    expect(String(error.message)).toContain("does not name the host");
  });

  it("logs in to PEM and calls it over mutual TLS", async () => {
    const pem = await startFakePem({ tls: { cert: pki.serverCert, key: pki.serverKey, ca: pki.ca, requestCert: true, rejectUnauthorized: true } });
    try {
      const { createClient } = await loadGenerated("pem/v10");
      const client = createClient({
        baseUrl: pem.origin,
        auth: { username: pem.username, password: pem.password },
        tls: { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey },
      });
      expect(await client.server.list()).toEqual([{ id: 1, name: "PEM Server" }]);
      expect(pem.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/token/", "GET /api/v10/server/"]);
      expect(pem.requests[1]!.headers["x-auth-token"]).toBe(pem.state.issued[0]);
    } finally {
      await pem.close();
    }
  });

  it("closes its own connections with close(), after which calls fail", async () => {
    const { ConnectionError } = await loadGenerated("pmm/v3");
    const client = await pmm(plainTls, { tls: { ca: pki.ca } });
    await client.nodes.listNodes();
    await client.close();
    await client.close();
    await expect(client.nodes.listNodes()).rejects.toThrow(ConnectionError);
    // An explicit close() inside an `await using` scope, then the scope's own.
    {
      await using scoped = await pmm(plainTls, { tls: { ca: pki.ca } });
      await scoped.nodes.listNodes();
      await scoped.close();
    }
    const neverUsed = await pmm(plainTls, { tls: { ca: pki.ca } });
    await neverUsed.close();
    await expect(neverUsed.nodes.listNodes()).rejects.toThrow("the client was closed");
  });

  it("fails without the client certificate when the server requires one", async () => {
    const { ConnectionError } = await loadGenerated("pmm/v3");
    const client = await pmm(mutualTls, { tls: { ca: pki.ca } });
    await expect(client.nodes.listNodes()).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe("plain http", () => {
  it("refuses credentials over http:// to a host other than loopback", async () => {
    const { createClient } = await loadGenerated("pem/v10");
    expect(() => createClient({ baseUrl: "http://pem.example.com", auth: { username: "u", password: "p" } })).toThrow(
      /Refusing to send credentials over plain http:\/\/ to pem\.example\.com/,
    );
    expect(() =>
      createClient({ baseUrl: "https://pem.example.com", tokenUrl: "http://pem.example.com/api/token/", auth: { username: "u", password: "p" } }),
    ).toThrow(/tokenUrl/);
    expect(() => createClient({ baseUrl: "http://pem.example.com", auth: { username: "u", password: "p" }, allowInsecureHttp: true })).not.toThrow();
    expect(() => createClient({ baseUrl: "http://localhost:8080", auth: { token: "t" } })).not.toThrow();
  });

  it("rejects tls together with a custom fetch", async () => {
    const { createClient } = await loadGenerated("pmm/v3");
    expect(() => createClient({ baseUrl: "https://pmm.example.com", tls: { ca: "x" }, fetch: globalThis.fetch })).toThrow(
      /`tls` and `fetch` cannot be combined/,
    );
  });
});

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateStandalone } from "../../generator/pipeline.js";
import { writeTreeAtomically } from "../../generator/write/file-tree.js";
import { startFakePem } from "../support/fake-pem.js";
import { projectTempDir, TEMPLATES_DIR } from "../support/paths.js";
import { startRecordingServer } from "../support/recording-server.js";
import { createTestPki } from "../support/test-ca.js";
import { typeCheck } from "../support/typecheck.js";

/**
 * Swagger 2.0 `formData` parameters become form bodies: a file upload is sent as
 * multipart/form-data, a URL-encoded form as such, never as JSON.
 */
const FIXTURE = path.join(import.meta.dirname, "../fixtures/swagger2-edge-cases.yaml");
let dir: string;
let server: Awaited<ReturnType<typeof startRecordingServer>>;

beforeAll(async () => {
  dir = await projectTempDir("forms");
  const { files } = await generateStandalone(FIXTURE, { name: "edge", auth: "pmm", naming: "path", int64: "string" } as never, "v1", TEMPLATES_DIR);
  await writeTreeAtomically(path.join(dir, "client"), files);
  server = await startRecordingServer((_request, response) => {
    response.writeHead(204);
    response.end();
  });
});
afterAll(() => server?.close());

const load = () => import(pathToFileURL(path.join(dir, "client/index.js")).href);

describe("form bodies", () => {
  it("sends a file upload as multipart/form-data, from a Blob or a Buffer", async () => {
    const { createClient } = await load();
    const client = createClient({ baseUrl: server.origin });
    await client.upload.create({ body: { file: new File(["first file"], "report.csv", { type: "text/csv" }), comment: "from a File" } });
    await client.upload.create({ body: { file: Buffer.from("second file") } });
    const [first, second] = server.requests.slice(-2);
    expect(first!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(first!.body).toMatch(/name="file"; filename="report.csv"\r\nContent-Type: text\/csv\r\n\r\nfirst file\r\n/);
    expect(first!.body).toMatch(/name="comment"\r\n\r\nfrom a File\r\n/);
    expect(second!.body).toMatch(/name="file"; filename="file"\r\nContent-Type: application\/octet-stream\r\n\r\nsecond file\r\n/);
    expect(second!.body).not.toContain('name="comment"');
  });

  it("sends a URL-encoded form with repeated fields for arrays", async () => {
    const { createClient } = await load();
    await createClient({ baseUrl: server.origin }).loginForm.create({ body: { user: "dba", scopes: ["read", "write"] } });
    const sent = server.requests.at(-1)!;
    expect(sent.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(sent.body).toBe("user=dba&scopes=read&scopes=write");
  });

  it("types a file part as Blob or bytes, and nothing else", async () => {
    const consumer = path.join(dir, "consumer.ts");
    await writeFile(
      consumer,
      `import { createClient } from "./client/index.js";
const client = createClient({ baseUrl: "https://example.com" });
await client.upload.create({ body: { file: new Blob(["x"]) } });
await client.upload.create({ body: { file: new Uint8Array([1, 2]) } });
// @ts-expect-error a file part is not a string
await client.upload.create({ body: { file: "not a file" } });
`,
    );
    // Consumer code only: the package's own declarations are checked with skipLibCheck off in shipped-clients.test.ts.
    expect(typeCheck([consumer], { skipLibCheck: true })).toEqual([]);
  });
});

describe("a multipart upload through PEM's token login, over HTTPS", () => {
  it("carries the token, and is replayed whole after a 401", async () => {
    const pemDir = path.join(dir, "pem-client");
    const { files } = await generateStandalone(
      FIXTURE,
      { name: "edge", auth: "pem-token", authHeader: "X-Auth-Token", naming: "path", int64: "number" } as never,
      "v1",
      TEMPLATES_DIR,
    );
    await writeTreeAtomically(pemDir, files);
    const pki = await createTestPki();
    const pem = await startFakePem({
      tls: { cert: pki.serverCert, key: pki.serverKey },
      supportedVersions: ["v1"],
      routes: [{ method: "POST", path: /^\/api\/v1\/upload$/, body: {} }],
    });
    try {
      const { createClient } = await import(pathToFileURL(path.join(pemDir, "index.js")).href);
      const client = createClient({ baseUrl: pem.origin, auth: { username: pem.username, password: pem.password }, tls: { ca: pki.ca } });
      await client.upload.create({ body: { file: new File(["probe export"], "probes.json"), comment: "first" } });
      pem.revokeAll();
      await client.upload.create({ body: { file: new File(["probe export"], "probes.json"), comment: "after a restart" } });
      const uploads = pem.requests.filter((r) => r.path === "/api/v1/upload");
      expect(uploads.map((r) => r.headers["x-auth-token"])).toEqual([pem.state.issued[0], pem.state.issued[0], pem.state.issued[1]]);
      for (const upload of uploads)
        expect(upload.body).toMatch(/name="file"; filename="probes.json"\r\nContent-Type: application\/octet-stream\r\n\r\nprobe export\r\n/);
      expect(uploads[2]!.body).toBe(uploads[1]!.body);
    } finally {
      await pem.close();
    }
  });
});

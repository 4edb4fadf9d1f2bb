import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectTempDir, ROOT } from "../support/paths.js";
import { startRecordingServer } from "../support/recording-server.js";
import { createTestPki } from "../support/test-ca.js";

const run = promisify(execFile);
const fixture = path.join(import.meta.dirname, "../fixtures/swagger2-edge-cases.yaml");
const LIMITS = { timeoutMs: 1500, maxBytes: 1024 * 1024 };

/**
 * Spec downloads from a misbehaving HTTPS server on 127.0.0.1, trusted by a child process
 * through NODE_EXTRA_CA_CERTS. One child reads every URL, so the suite pays for one start.
 */
let https: Awaited<ReturnType<typeof startRecordingServer>>;
let plain: Server;
let plainConnections = 0;
let results: Record<string, string>;

beforeAll(async () => {
  plain = createServer((socket) => {
    plainConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
  const plainOrigin = `http://127.0.0.1:${(plain.address() as { port: number }).port}`;
  const pki = await createTestPki();
  const caFile = path.join(await projectTempDir("ca"), "ca.crt");
  await writeFile(caFile, pki.ca);
  const spec = await readFile(fixture, "utf8");
  https = await startRecordingServer(
    (request, response) => {
      switch (request.path) {
        case "/spec.yaml":
          return void response.end(spec);
        case "/refs.json":
          return void response.end(JSON.stringify(withRef("./parts.json#/Thing")));
        case "/parts.json":
          return void response.end(JSON.stringify({ Thing: { type: "object", properties: { fromParts: { type: "string" } } } }));
        case "/refs-to-http.json":
          return void response.end(JSON.stringify(withRef("./to-http#/Thing")));
        case "/to-https":
          return void response.writeHead(302, { location: "/spec.yaml" }).end();
        case "/to-http":
          return void response.writeHead(302, { location: `${plainOrigin}/spec.yaml` }).end();
        case "/stalls":
          return void response.writeHead(200).write("openapi: 3.0.3\n"); // and nothing more
        case "/endless": {
          response.writeHead(200);
          const chunk = `# ${"x".repeat(64 * 1024)}\n`;
          const more = () => {
            while (!response.destroyed && response.write(chunk));
            if (!response.destroyed) response.once("drain", more);
          };
          return more();
        }
      }
    },
    { cert: pki.serverCert, key: pki.serverKey },
  );
  const urls = ["/to-https", "/to-http", "/stalls", "/endless", "/refs.json", "/refs-to-http.json"].map((p) => `${https.origin}${p}`);
  const script = `const { readDocument } = await import(${JSON.stringify(path.join(ROOT, "generator/load/read-document.ts"))});
const results = {};
for (const url of ${JSON.stringify(urls)}) {
  results[new URL(url).pathname] = await readDocument(url, { limits: ${JSON.stringify(LIMITS)}, allowExternalRefs: true }).then((d) => "read " + JSON.stringify(d.document.components ?? Object.keys(d.document)), (e) => e.name + ": " + e.message);
}
process.stdout.write(JSON.stringify(results));`;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
  });
  results = JSON.parse(stdout);
});
afterAll(async () => {
  await https?.close();
  await new Promise<void>((resolve) => plain?.close(() => resolve()));
});

function withRef($ref: string) {
  return {
    openapi: "3.0.3",
    info: { title: "refs", version: "1" },
    paths: { "/thing": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref } } } } } } } },
  };
}

describe("downloading a spec", () => {
  it("follows a redirect that stays on https://", () => {
    expect(results["/to-https"]).toMatch(/^read .*"swagger"/);
  });

  it("refuses a redirect from https:// to http:// without requesting it", () => {
    expect(results["/to-http"]).toBe(
      `SpecError: ${https.origin}/to-http: redirects to http://127.0.0.1:${(plain.address() as { port: number }).port}, which is not followed: only https:// is. Use an https:// URL that stays on https://, or download the file first.`,
    );
    expect(plainConnections).toBe(0);
  });

  it("gives up on a server that stops sending, with the time limit in the message", () => {
    expect(results["/stalls"]).toBe(
      `SpecError: ${https.origin}/stalls: could not be downloaded within 1.5 s. Check the URL and the network, or download the file and pass its path.`,
    );
  });

  it("stops reading an endless body at the size limit", () => {
    expect(results["/endless"]).toBe(
      `SpecError: ${https.origin}/endless: is larger than 1 MiB, the most a spec may be. Check that this URL serves an API description.`,
    );
  });

  it("with --allow-external-refs, bundles a reference to another https:// document", () => {
    expect(results["/refs.json"]).toBe('read {"schemas":{"Thing":{"type":"object","properties":{"fromParts":{"type":"string"}}}}}');
  });

  it("with --allow-external-refs, refuses a reference whose https:// URL redirects to http://", () => {
    expect(results["/refs-to-http.json"]).toMatch(
      /^SpecError: https:\/\/\S+\/refs-to-http.json at \/paths\/~1thing\/get\/responses\/200\/content\/application~1json\/schema: the reference to https:\/\/\S+\/to-http could not be followed: redirects to http:\/\/127\.0\.0\.1:\d+, which is not followed/,
    );
    expect(plainConnections).toBe(0);
  });
});

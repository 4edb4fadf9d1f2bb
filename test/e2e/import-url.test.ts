import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSpec } from "../../generator/importer/import-spec.js";
import { projectTempDir, ROOT } from "../support/paths.js";
import { startRecordingServer } from "../support/recording-server.js";
import { createTestPki } from "../support/test-ca.js";

const run = promisify(execFile);
const fixture = path.join(import.meta.dirname, "../fixtures/swagger2-edge-cases.yaml");

/**
 * `specs:import` of an https:// URL, against an HTTPS server on 127.0.0.1 whose CA the child
 * process trusts through NODE_EXTRA_CA_CERTS, as a user would for a PEM server's own CA.
 */
let server: Awaited<ReturnType<typeof startRecordingServer>>;
let caFile: string;

beforeAll(async () => {
  const pki = await createTestPki();
  caFile = path.join(await projectTempDir("ca"), "ca.crt");
  await writeFile(caFile, pki.ca);
  const spec = await readFile(fixture, "utf8");
  server = await startRecordingServer(
    (request, response) => {
      response.writeHead(request.path === "/swagger.yaml" ? 200 : 404, { "Content-Type": "application/yaml" });
      response.end(request.path === "/swagger.yaml" ? spec : "not here");
    },
    { cert: pki.serverCert, key: pki.serverKey },
  );
});
afterAll(() => server?.close());

async function importInChild(url: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const script = `const { importSpec } = await import(${JSON.stringify(path.join(ROOT, "generator/importer/import-spec.ts"))});
try { process.stdout.write(JSON.stringify(await importSpec(${JSON.stringify(url)}, { api: "edge", version: "v1", keepDocs: false }))); }
catch (error) { process.stderr.write(error.message); process.exitCode = 1; }`;
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: ROOT,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe("specs:import from an https:// URL", () => {
  it("gives the same file, and the same source digest, as importing the downloaded copy", async () => {
    const result = await importInChild(`${server.origin}/swagger.yaml`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(await importSpec(fixture, { api: "edge", version: "v1", keepDocs: false }));
  });

  it("names the URL and the status when the server answers with an error", async () => {
    const result = await importInChild(`${server.origin}/missing.yaml`);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${server.origin}/missing.yaml: could not be downloaded: the server answered 404 Not Found. Check the URL.`);
  });
});

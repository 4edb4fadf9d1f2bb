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

/** `npm run specs:import -- <url> …` in a child process that trusts the test CA, on the project at `root`. */
async function importCliInChild(root: string, url: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const module = (file: string) => JSON.stringify(path.join(ROOT, "generator/cli", file));
  const script = `const { main } = await import(${module("import.ts")});
const { runMain } = await import(${module("run-cli.ts")});
const { projectPaths } = await import(${module("project-paths.ts")});
const root = ${JSON.stringify(root)};
process.exitCode = await runMain(main, ${JSON.stringify([url, "--api", "edge", "--version", "v1"])},
  { stdout: process.stdout, stderr: process.stderr, cwd: root, env: process.env, project: projectPaths(root) });`;
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
  it("records the URL in specs/sources.yaml without the credentials in its query, says so, and refuses the recorded URL", async () => {
    const root = await projectTempDir("import-url");
    const secrets = ["glpat-Secret123", "AKIAEXAMPLE%2F20260101", "0badc0ffee"];
    const query = `?private_token=${secrets[0]}&X-Amz-Credential=${secrets[1]}&X-Amz-Signature=${secrets[2]}&ref=main`;
    const result = await importCliInChild(root, `${server.origin}/swagger.yaml${query}`);
    expect(result.code, result.stderr).toBe(0);
    const sources = await readFile(path.join(root, "specs/sources.yaml"), "utf8");
    for (const secret of secrets) expect(sources + result.stdout + result.stderr).not.toContain(secret);
    const recorded = `${server.origin}/swagger.yaml?private_token=REDACTED&X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&ref=main`;
    expect(sources).toContain(`source: ${recorded}\n`);
    expect(result.stdout).toContain("(without its credentials: private_token, X-Amz-Credential, X-Amz-Signature recorded as REDACTED)");

    const again = await importCliInChild(root, recorded);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("had its credentials left out (REDACTED) when specs/sources.yaml recorded it; give the URL with your credentials");
  });

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

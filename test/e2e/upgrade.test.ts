import { cp, lstat, mkdir, readFile, rename, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedPackageCopy } from "../support/generated-package.js";
import { projectTempDir, ROOT } from "../support/paths.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { runCli } from "../support/run-cli.js";
import { typeCheck } from "../support/typecheck.js";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/upgrade");
const FIXTURE = path.join(FIXTURES, "pmm-v2");
let packageDir: string;

beforeAll(async () => {
  ({ dir: packageDir } = await shippedPackageCopy());
}, 120_000);

/** A copy of a fixture project whose `pem-pmm-client` is the freshly generated package; `name` puts it in a folder of that name. */
async function project(files: Record<string, string> = {}, name?: string, fixture = FIXTURE): Promise<string> {
  const dir = name === undefined ? await projectTempDir("upgrade") : path.join(await projectTempDir("upgrade"), name);
  await cp(fixture, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  await mkdir(path.join(dir, "node_modules"));
  await symlink(packageDir, path.join(dir, "node_modules/pem-pmm-client"), "dir");
  return dir;
}

const sources = (dir: string) => ["src/connect.ts", "src/inventory.ts", "src/format.ts"].map((f) => path.join(dir, f));
const upgrade = (dir: string, ...args: string[]) => runCli("upgrade", [dir, "--from", "pmm/v2", "--to", "pmm/v3", ...args]);

describe("upgrade a PMM 2 project to PMM 3", () => {
  it("reports every call site with its new call, writes nothing without --write, and is shown in the README with this output", async () => {
    const dir = await project({}, "my-pmm-scripts");
    const before = await Promise.all(sources(dir).map((f) => readFile(f, "utf8")));
    const { code, stdout, stderr } = await runCli("upgrade", ["my-pmm-scripts", "--from", "pmm/v2", "--to", "pmm/v3"], { cwd: path.dirname(dir) });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("12 calls (11 changed, 1 unchanged, 0 removed)");
    expect(stdout).toContain('src/inventory.ts:17  nodes.listNodes()  changed: pmm.nodes.listNodes({ query: { node_type: "NODE_TYPE_GENERIC_NODE" } })');
    expect(stdout).toContain(
      'nodes.addGenericNode()  changed: pmm.nodes.addNode({ body: { generic: { node_name: host, address: host, region: "eu-west-1" } } })',
    );
    expect(stdout).toContain(
      'services.removeService()  changed: pmm.services.removeService({ path: { service_id: "stale-service" }, query: { force: true } })',
    );
    expect(stdout).toContain("Type-check against the new version: no errors.");
    expect(await Promise.all(sources(dir).map((f) => readFile(f, "utf8")))).toEqual(before);
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    const shown = /```text\n\$ npm run upgrade -- my-pmm-scripts --from pmm\/v2 --to pmm\/v3\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBe(stdout);
  });

  // One project moved with --write, for the checks below: the move is the slow part.
  let written: string;
  let untouched: number;
  beforeAll(async () => {
    written = await project();
    untouched = (await stat(path.join(written, "src/format.ts"))).mtimeMs;
    expect(typeCheck(sources(written), { skipLibCheck: true }), "the fixture is valid PMM 2 code").toEqual([]);
    const { code, stdout } = await upgrade(written, "--write");
    expect(code, stdout).toBe(0);
  });

  it("with --write, moves the project so that it type-checks against v3, touching only the files that use the client", async () => {
    const dir = written;
    expect(typeCheck(sources(dir), { skipLibCheck: true })).toEqual([]);
    const inventory = await readFile(path.join(dir, "src/inventory.ts"), "utf8");
    expect(inventory).toContain('import type { Nodes, Services, Backup } from "pem-pmm-client/pmm/v3";');
    expect(inventory).toContain("const backup: Backup.StartBackupResponse = await pmm.backup.startBackup(");
    expect(await readFile(path.join(dir, "src/connect.ts"), "utf8")).toContain('export { createClient as connectPmm } from "pem-pmm-client/pmm/v3";');
    expect((await stat(path.join(dir, "src/format.ts"))).mtimeMs).toBe(untouched);
  });

  describe("the upgraded script against a fake PMM 3 server", () => {
    let server: Awaited<ReturnType<typeof startRecordingServer>>;
    beforeAll(async () => {
      server = await startRecordingServer((request, response) => {
        if (request.path === "/v1/inventory/nodes" && request.method === "POST")
          return sendJson(response, 200, { generic: { node_id: "n1", node_name: "db1" } });
        sendJson(response, 200, {});
      });
    });
    afterAll(() => server.close());

    it("sends the requests that the v3 spec describes", async () => {
      const { onboard } = await import(pathToFileURL(path.join(written, "src/inventory.ts")).href);
      await onboard(server.origin, "glsa_token", "db1");
      const sent = server.requests.map((r) => `${r.method} ${r.path}${Object.keys(r.query).length > 0 ? `?${new URLSearchParams(r.query)}` : ""}`);
      expect(sent).toEqual([
        "GET /v1/server/version",
        "GET /v1/server/settings",
        "POST /v1/inventory/nodes",
        "GET /v1/inventory/nodes/n1",
        "POST /v1/management/services",
        "GET /v1/inventory/nodes?node_type=NODE_TYPE_GENERIC_NODE",
        "GET /v1/inventory/services?node_id=n1&service_type=SERVICE_TYPE_MYSQL_SERVICE",
        "GET /v1/inventory/agents?pmm_agent_id=pmm-server",
        "POST /v1/backups:start",
        "POST /v1/advisors/checks:start",
        "POST /v1/management/annotations",
        "DELETE /v1/inventory/services/stale-service?force=true",
      ]);
      expect(JSON.parse(server.requests[2]!.body)).toEqual({ generic: { node_name: "db1", address: "db1", region: "eu-west-1" } });
      expect(JSON.parse(server.requests[4]!.body)).toMatchObject({ mysql: { node_id: "n1", service_name: "db1-mysql", port: 3306 } });
    });
  });

  it("leaves a TODO where it cannot decide, and exits 1", async () => {
    const dir = await project({
      "src/leftovers.ts": `import { createClient } from "pem-pmm-client/pmm/v2";
export async function leftovers(): Promise<void> {
  const pmm = createClient({ baseUrl: "https://pmm.example.com", auth: { token: "t" } });
  await pmm.server.awsInstanceCheck({ body: { instance_id: "i-1" } });
  await pmm.agents.changeNodeExporter({ body: { agent_id: "a1", common: { enable: true } } });
  await pmm.server.changeSettings({ body: { disable_telemetry: true } });
}
`,
      "src/namespaced.ts": `import * as PMM from "pem-pmm-client/pmm/v2";
export async function namespaced(): Promise<unknown> {
  const { backups } = PMM.createClient({ baseUrl: "https://pmm.example.com", auth: { token: "t" } });
  const started: PMM.Backups.StartBackupResponse = await backups.startBackup({ body: { service_id: "s1" } });
  return started;
}
`,
    });
    const { code, stdout } = await upgrade(dir, "--write");
    expect(code).toBe(1);
    expect(stdout).toContain("server.awsInstanceCheck()  removed");
    const leftovers = await readFile(path.join(dir, "src/leftovers.ts"), "utf8");
    expect(leftovers).toContain(
      "  // TODO(pem-pmm-client upgrade): server.awsInstanceCheck() has no successor in v3: no operation takes over its job, so this call must go\n  await pmm.server.awsInstanceCheck(",
    );
    expect(leftovers).toContain(
      "  // TODO(pem-pmm-client upgrade): dropped body.common (was { enable: true }): agents.changeAgent() does not take it\n  await pmm.agents.changeAgent(",
    );
    // v3 requires a body, though none of its fields: it stays, empty.
    expect(leftovers).toContain('await pmm.agents.changeAgent({ path: { agent_id: "a1" }, body: {} });');
    // Dropping it would turn telemetry back on: the field of opposite meaning is left to a person.
    expect(leftovers).toContain(
      "  // TODO(pem-pmm-client upgrade): dropped body.disable_telemetry (was true): set body.enable_telemetry to the opposite of body.disable_telemetry (it means the inverse)\n",
    );
    const namespaced = await readFile(path.join(dir, "src/namespaced.ts"), "utf8");
    expect(namespaced).toContain('import * as PMM from "pem-pmm-client/pmm/v3";');
    expect(namespaced).toContain(
      "  // TODO(pem-pmm-client upgrade): the namespace is reached through backups: call backup.startBackup() on the client instead\n  const started: PMM.Backup.StartBackupResponse = await backups.startBackup(",
    );
  });

  it("keeps a body the new method requires, and creates one where the old call had an empty input", async () => {
    const dir = await project({
      "src/checks.ts": `import { createClient } from "pem-pmm-client/pmm/v2";
export async function runChecks(): Promise<void> {
  const pmm = createClient({ baseUrl: "https://pmm.example.com", auth: { token: "t" } });
  await pmm.securityChecks.startSecurityChecks({ body: {} });
  await pmm.securityChecks.startSecurityChecks({});
}
`,
    });
    const { code, stdout } = await upgrade(dir, "--write");
    expect(code, stdout).toBe(0);
    const checks = await readFile(path.join(dir, "src/checks.ts"), "utf8");
    expect(checks.match(/await pmm\.advisor\.startAdvisorChecks\(\{ body: \{\} \}\);/g)).toHaveLength(2);
    expect(typeCheck([path.join(dir, "src/checks.ts")], { skipLibCheck: true })).toEqual([]);
  });

  it("writes nothing when the project has syntax errors", async () => {
    const dir = await project({ "src/broken.ts": "export const x = ;\n" });
    const before = await readFile(path.join(dir, "src/inventory.ts"), "utf8");
    const { code, stderr } = await upgrade(dir, "--write");
    expect(code).toBe(1);
    expect(stderr).toMatch(/has syntax errors, so nothing was changed:\n {2}src\/broken\.ts:1: Expression expected\./);
    expect(await readFile(path.join(dir, "src/inventory.ts"), "utf8")).toBe(before);
  });

  it("moves a PEM v9 project to v10, where only the import changes", async () => {
    const dir = await project({}, undefined, path.join(FIXTURES, "pem-v9"));
    const file = path.join(dir, "src/servers.ts");
    expect(typeCheck([file], { skipLibCheck: true })).toEqual([]);
    const { code, stdout } = await runCli("upgrade", [dir, "--from", "pem/v9", "--to", "pem/v10", "--write"]);
    expect(code, stdout).toBe(0);
    expect(stdout).toContain("2 calls (0 changed, 2 unchanged, 0 removed), 0 type references renamed, 1 import moved");
    expect(await readFile(file, "utf8")).toContain('import { createClient, type Server } from "pem-pmm-client/pem/v10";');
    expect(typeCheck([file], { skipLibCheck: true })).toEqual([]);
  });

  it("moves the paths entry's import with the client's", async () => {
    const file = "src/raw.ts";
    const dir = await project(
      {
        [file]: `import { createClient } from "pem-pmm-client/pem/v9";
import { pathClient } from "pem-pmm-client/pem/v9/paths";
export async function servers(): Promise<unknown> {
  return (await pathClient(createClient({ baseUrl: "https://pem.example.com" })).GET("/server/")).data;
}
`,
      },
      undefined,
      path.join(FIXTURES, "pem-v9"),
    );
    const { code, stdout } = await runCli("upgrade", [dir, "--from", "pem/v9", "--to", "pem/v10", "--write"]);
    expect(code, stdout).toBe(0);
    const moved = await readFile(path.join(dir, file), "utf8");
    expect(moved).toContain('from "pem-pmm-client/pem/v10";\nimport { pathClient } from "pem-pmm-client/pem/v10/paths";');
    expect(typeCheck([path.join(dir, file)], { skipLibCheck: true })).toEqual([]);
  });

  it("prints the same report as JSON for tools", async () => {
    const dir = await project();
    const { code, stdout } = await upgrade(dir, "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.sites).toHaveLength(12);
    expect(report.sites.find((s: { method: string }) => s.method === "nodes.getNode")).toEqual({
      file: "src/inventory.ts",
      line: 12,
      method: "nodes.getNode",
      status: "changed",
      newCall: "pmm.nodes.getNode({ path: { node_id: nodeId } })",
      todos: [],
    });
    expect(report).toMatchObject({ typesRenamed: 1, importsMoved: 2, files: ["src/connect.ts", "src/inventory.ts"], remainingErrors: [] });
  });

  it("with --write, never writes through a symlink out of the project: the file is reported as skipped", async () => {
    const dir = await project();
    // connect.ts lives elsewhere, and the project reaches it through a symlink.
    const elsewhere = path.join(await projectTempDir("upgrade-elsewhere"), "connect.ts");
    await rename(path.join(dir, "src/connect.ts"), elsewhere);
    await symlink(elsewhere, path.join(dir, "src/connect.ts"));
    const before = await readFile(elsewhere, "utf8");

    const { code, stdout } = await upgrade(dir, "--write");
    expect(code, stdout).toBe(0);
    expect(stdout).toContain("Skipped, as they lie outside the project's real folder (a symlink or an include out of it): src/connect.ts");
    expect(stdout).toContain("Files it changed: src/inventory.ts");
    expect(await readFile(elsewhere, "utf8")).toBe(before);
    expect((await lstat(path.join(dir, "src/connect.ts"))).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dir, "src/inventory.ts"), "utf8")).toContain('"pem-pmm-client/pmm/v3"');
  });
});

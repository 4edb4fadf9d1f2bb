import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATED_DIR, ROOT } from "../support/paths.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { typeCheck } from "../support/typecheck.js";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * What a user does: `npm pack` generated/, install the tarball in a fresh project outside
 * this repository, then type-check and run a consumer that imports two versions.
 * The install is offline: the package's dependencies are packed from this repository's
 * node_modules too, since npm's cache after `npm ci` holds tarballs but not the registry
 * metadata that resolving a tarball's dependencies needs.
 */
describe("the generated/ package, installed from its tarball", () => {
  let project: string;
  let server: Awaited<ReturnType<typeof startRecordingServer>>;

  beforeAll(async () => {
    project = await mkdtemp(path.join(os.tmpdir(), "pem-pmm-consumer-"));
    const folders = [GENERATED_DIR, ...(await dependencyFolders(GENERATED_DIR))];
    const { stdout } = await run(npm, ["pack", ...folders, "--pack-destination", project, "--ignore-scripts", "--silent"]);
    const tarballs = stdout.split("\n").filter((line) => line.endsWith(".tgz"));
    expect(tarballs).toHaveLength(folders.length);
    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    await run(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs.map((file) => `./${file}`)], { cwd: project });
    server = await startRecordingServer((request, response) => {
      if (request.path === "/api/token/") return sendJson(response, 201, {}, { "X-Subject-Token": "t1" });
      if (request.path === "/api/v9/agent/") return sendJson(response, 200, [{ id: 7, name: "agent-7" }]);
      if (request.path === "/v1/inventory/nodes") return sendJson(response, 200, { generic: [{ node_id: "n1" }] });
      sendJson(response, 404, {});
    });
  });

  afterAll(async () => {
    await server?.close();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("type-checks and runs a consumer of pem/v9 and pmm/v3", async () => {
    const source = `import { createClient as createPem, type Agent } from "pem-pmm-client/pem/v9";
import { createClient as createPmm, type Nodes } from "pem-pmm-client/pmm/v3";

const origin: string = process.env.SERVER_ORIGIN ?? "";
const pem = createPem({ baseUrl: origin, auth: { username: "pemuser", password: "secret" } });
const agents: Agent.ListResponse = await pem.agent.list();
const pmm = createPmm({ baseUrl: origin, auth: { token: "glsa_x" } });
const nodes: Nodes.ListNodesResponse = await pmm.nodes.listNodes();
// Validation imports the version's validators.js from the installed package.
const checked = await pmm.nodes.listNodes({}, { validate: "strict" });
console.log(JSON.stringify({ agent: agents[0]?.name, node: nodes.generic?.[0]?.node_id, checked: checked.generic?.length }));
declare const process: { env: Record<string, string | undefined> };
`;
    const consumer = path.join(project, "consumer.ts");
    await writeFile(consumer, source);
    expect(typeCheck([consumer], { module: ts.ModuleKind.NodeNext })).toEqual([]);

    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    await writeFile(path.join(project, "consumer.mjs"), js);
    const { stdout } = await run(process.execPath, ["consumer.mjs"], { cwd: project, env: { ...process.env, SERVER_ORIGIN: server.origin } });
    expect(JSON.parse(stdout)).toEqual({ agent: "agent-7", node: "n1", checked: 1 });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /api/token/",
      "GET /api/v9/agent/",
      "GET /v1/inventory/nodes",
      "GET /v1/inventory/nodes",
    ]);
  });

  it("moves a PMM 2 project to PMM 3 with npx pem-pmm-client upgrade, ts-morph installed beside it", async () => {
    const scripts = path.join(project, "scripts");
    await cp(path.join(ROOT, "test/fixtures/upgrade/pmm-v2"), scripts, { recursive: true });
    // The optional peer the command needs; linked from this repository, as the install is offline.
    await symlink(path.join(ROOT, "node_modules/ts-morph"), path.join(project, "node_modules/ts-morph"), "dir");
    const { stdout } = await run(
      path.join(project, "node_modules/.bin/pem-pmm-client"),
      ["upgrade", "scripts", "--from", "pmm/v2", "--to", "pmm/v3", "--write"],
      { cwd: project },
    );
    expect(stdout).toContain("pmm v2 → v3 in scripts: 12 calls (11 changed, 1 unchanged, 0 removed)");
    expect(stdout).toContain("Type-check against the new version: no errors.");
    expect(await readFile(path.join(scripts, "src/connect.ts"), "utf8")).toContain('from "pem-pmm-client/pmm/v3"');
    const missing = await run(path.join(project, "node_modules/.bin/pem-pmm-client"), ["upgrade", "scripts", "--from", "pmm/v2", "--to", "pmm/v9"], {
      cwd: project,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("the package holds no migration from pmm/v2 to pmm/v9. It holds: pmm/v2 → pmm/v3."),
    });
  });
});

/** The installed folders of a package's runtime dependencies, transitively, from this repository's node_modules. */
async function dependencyFolders(packageDir: string, found = new Map<string, string>()): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (found.has(name)) continue;
    const folder = path.join(ROOT, "node_modules", name);
    found.set(name, folder);
    await dependencyFolders(folder, found);
  }
  return [...found.values()];
}

import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSUMER_SETUPS, consumerSetup } from "../../generator/emit/package-docs.js";
import { readSources } from "../../generator/importer/sources-record.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { listFiles } from "../../generator/write/file-tree.js";
import { loadFakeModel, planRoundTrips } from "../support/kit-round-trip.js";
import { GENERATED_DIR, ROOT, SPECS_DIR } from "../support/paths.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { typeCheckGroups } from "../support/typecheck.js";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * What a user does, made once for both describes below (an install costs seconds): this
 * repository as the README's commands see it (pem-pmm-client/generated), and beside it the user's
 * project, my-app, a fresh folder outside this repository where the README's commands `npm pack`
 * generated/ and install the tarball. The install is offline: the package's dependencies are
 * packed from this repository's node_modules and installed first, since npm's cache after
 * `npm ci` holds tarballs but not the registry metadata that resolving a tarball's dependencies needs.
 */
let root: string;
let project: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "pem-pmm-consumer-"));
  await cp(GENERATED_DIR, path.join(root, "pem-pmm-client/generated"), { recursive: true });
  project = path.join(root, "my-app");
  await mkdir(project);
  await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "my-app", private: true, type: "module" }));
  const folders = await dependencyFolders(GENERATED_DIR);
  const { stdout } = await run(npm, ["pack", ...folders, "--pack-destination", project, "--ignore-scripts", "--silent"]);
  const tarballs = stdout.split("\n").filter((line) => line.endsWith(".tgz"));
  expect(tarballs).toHaveLength(folders.length);
  await run(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs.map((file) => `./${file}`)], { cwd: project });
  await run("sh", ["-e", "-c", await readmeInstallCommands()], {
    cwd: root,
    env: { ...process.env, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false" },
  });
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** The README's commands that pack generated/ and install the tarball in my-app. */
async function readmeInstallCommands(): Promise<string> {
  const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
  const commands = /Install the package from its tarball[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!commands) throw new Error('README.md has no ```sh block after "Install the package from its tarball"');
  return commands;
}

describe("the generated/ package, installed from its tarball", () => {
  let server: Awaited<ReturnType<typeof startRecordingServer>>;
  let plans: KitPlan[];

  beforeAll(async () => {
    plans = await kitPlans();
    await writeConsumers(plans);
    server = await startRecordingServer((request, response) => {
      if (request.path === "/api/token/") return sendJson(response, 201, {}, { "X-Subject-Token": "t1" });
      if (request.path === "/api/v9/agent/") return sendJson(response, 200, [{ id: 7, name: "agent-7" }]);
      if (request.path === "/v1/inventory/nodes") return sendJson(response, 200, { generic: [{ node_id: "n1" }] });
      sendJson(response, 404, {});
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it("type-checks and runs a consumer of pem/v9 and pmm/v3", async () => {
    expect(consumerDiagnostics("consumer")).toEqual([]);
    await writeFile(path.join(project, "consumer.mjs"), toJavaScript(TWO_VERSIONS_CONSUMER));
    const { stdout } = await run(process.execPath, ["consumer.mjs"], { cwd: project, env: { ...process.env, SERVER_ORIGIN: server.origin } });
    expect(JSON.parse(stdout)).toEqual({ agent: "agent-7", node: "n1", checked: 1, raw: "n1" });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /api/token/",
      "GET /api/v9/agent/",
      "GET /v1/inventory/nodes",
      "GET /v1/inventory/nodes",
      "GET /v1/inventory/nodes",
    ]);
  });

  const bin = () => path.join(project, "node_modules/.bin/pem-pmm-client");
  const failure = (error: { code: number; stdout: string; stderr: string }) => error;

  it("ships a README and a LICENSE, and its bin lists its commands with --help (exit 0)", async () => {
    const installed = path.join(project, "node_modules/pem-pmm-client");
    const readme = await readFile(path.join(installed, "README.md"), "utf8");
    const manifest = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8"));
    for (const entry of Object.keys(manifest.exports).filter((key) => /^\.\/\w+\/[^/]+$/.test(key) && key !== "./package.json"))
      expect(readme).toContain(`\`pem-pmm-client${entry.slice(1)}\``);
    expect(await readFile(path.join(installed, "LICENSE"), "utf8")).toContain(manifest.license);
    // generated/'s record of its inputs is this repository's, not the package's.
    await expect(stat(path.join(installed, ".inputs.json"))).rejects.toMatchObject({ code: "ENOENT" });
    const { stdout } = await run(bin(), ["--help"], { cwd: project });
    expect(stdout).toMatch(/^Usage:\n {2}npx pem-pmm-client <command>/);
    for (const command of ["upgrade", "diff", "check-server"]) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, "m"));
      expect((await run(bin(), [command, "--help"], { cwd: project })).stdout).toContain(`npx pem-pmm-client ${command} `);
    }
    const unknown = await run(bin(), ["check"], { cwd: project }).catch(failure);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('no command "check": the commands are upgrade, diff and check-server.') });
  });

  it("checks a live server's answers with npx pem-pmm-client check-server, never printing the token", async () => {
    const token = "pmm-bin-check-token-91c2";
    const sent = server.requests.length;
    const { stdout, stderr, code }: { stdout: string; stderr: string; code?: number } = await run(
      bin(),
      ["check-server", "pmm", "v3", "--base-url", server.origin, "--token", "env:PMM_TOKEN"],
      {
        cwd: project,
        env: { ...process.env, PMM_TOKEN: token },
      },
    ).catch(failure);
    // The fake answers listNodes as the spec says and everything else with 404: checked, or not checked with the status.
    expect(stdout).toMatch(/^pmm v3: \d+ operations called; 0 disagree with the spec, \d+ could not be checked; \d+ not called\.\n/);
    expect(stdout).toContain("Not called:\n");
    expect(stdout).toMatch(/ nodes\.addNode \(POST \/v1\/inventory\/nodes\): a POST: the check only reads\n/);
    expect(stdout + stderr).not.toContain(token);
    expect(code).toBe(3);
    const calls = server.requests.slice(sent);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every((r) => r.method === "GET" && r.headers.authorization === `Bearer ${token}`)).toBe(true);
    const unknown = await run(bin(), ["check-server", "pmm", "v9", "--base-url", server.origin], { cwd: project }).catch(failure);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining("this package has no client of pmm v9; it has ") });
    for (const { version } of (await readSources(SPECS_DIR)).filter((source) => source.api === "pmm")) expect(unknown.stderr).toContain(version);
  });

  it("prints the shipped migration guides with npx pem-pmm-client diff, one per pair of consecutive versions", async () => {
    const installed = path.join(project, "node_modules/pem-pmm-client");
    const migrations = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8")).exports;
    const pair = Object.keys(migrations).find((key) => key.endsWith(".json"))!;
    const [, api, from, to] = /^\.\/(\w+)\/migrations\/(.+)-(v[^-]+)\.json$/.exec(pair)!;
    const { stdout } = await run(bin(), ["diff", api!, from!, to!], { cwd: project });
    expect(stdout).toBe(await readFile(path.join(installed, `${api}/MIGRATION-${from}-${to}.md`), "utf8"));
    const json = await run(bin(), ["diff", api!, from!, to!, "--format", "json"], { cwd: project });
    expect(JSON.parse(json.stdout)).toEqual([JSON.parse(await readFile(path.join(installed, pair.slice(2)), "utf8"))]);
  });

  it("names what to install when upgrade's optional peer ts-morph is missing", async () => {
    const scripts = path.join(project, "no-ts-morph");
    await cp(path.join(ROOT, "test/fixtures/upgrade/pmm-v2"), scripts, { recursive: true });
    const missing = await run(bin(), ["upgrade", "no-ts-morph", "--from", "pmm/v2", "--to", "pmm/v3"], { cwd: project }).catch(failure);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining("npm install --save-dev ts-morph typescript") });
  });

  it.each(CONSUMER_SETUPS)("type-checks a $format consumer with module $module, moduleResolution $moduleResolution", (setup) => {
    expect(setupOptions(setup).module, setup.module).toBeDefined();
    expect(consumerDiagnostics(setupFolder(setup))).toEqual([]);
  });

  it("runs from plain JavaScript: a CommonJS require() and an ES module import", async () => {
    await writeFile(
      path.join(project, "plain.cjs"),
      'const { createClient } = require("pem-pmm-client/pmm/v3");\nconst { pathClient } = require("pem-pmm-client/pmm/v3/paths");\n' +
        'console.log(typeof createClient);\nconsole.log(typeof pathClient(createClient({ baseUrl: "https://pmm.example.com" })).GET);\n',
    );
    await writeFile(path.join(project, "plain.mjs"), 'import { createClient } from "pem-pmm-client/pem/v10";\nconsole.log(typeof createClient);\n');
    expect((await run(process.execPath, ["plain.cjs"], { cwd: project })).stdout).toBe("function\nfunction\n");
    expect((await run(process.execPath, ["plain.mjs"], { cwd: project })).stdout).toBe("function\n");
  });

  it("refuses a JavaScript caller's mistakes before sending, from CommonJS and an ES module", async () => {
    const mistakes = (load: string) => `${load}
const report = async (what, attempt) => {
  try { await attempt(); console.log(what, "sent"); } catch (error) { console.log(what, error.constructor.name, error.message); }
};
(async () => {
  await report("tokn", () => createClient({ baseUrl: ${JSON.stringify(server.origin)}, auth: { tokn: "x" } }));
  await report("timeout", () => createClient({ baseUrl: ${JSON.stringify(server.origin)}, timeout: 5 }));
  const pmm = createClient({ baseUrl: ${JSON.stringify(server.origin)}, auth: { token: "t" }, retry: false });
  await report("missing", () => pmm.nodes.getNode());
  await report("empty", () => pmm.nodes.removeNode({ path: { node_id: "" } }));
  await report("dots", () => pmm.agents.getAgentLogs({ path: { agent_id: "." } }));
})();
`;
    await writeFile(path.join(project, "mistakes.cjs"), mistakes('const { createClient } = require("pem-pmm-client/pmm/v3");'));
    await writeFile(path.join(project, "mistakes.mjs"), mistakes('import { createClient } from "pem-pmm-client/pmm/v3";'));
    const sent = server.requests.length;
    for (const file of ["mistakes.cjs", "mistakes.mjs"]) {
      const lines = (await run(process.execPath, [file], { cwd: project })).stdout.trim().split("\n");
      expect(
        lines.map((line) => line.split(" ").slice(0, 2).join(" ")),
        file,
      ).toEqual(["tokn TypeError", "timeout TypeError", "missing TypeError", "empty TypeError", "dots TypeError"]);
      expect(lines[0]).toContain('Did you mean "token"?');
      expect(lines[1]).toContain('Did you mean "timeoutMs"?');
      expect(lines[3]).toContain("nodes.removeNode: path.node_id is empty");
    }
    expect(server.requests.length).toBe(sent);
  });

  it("gives errors a person can act on, from CommonJS, an ES module and TypeScript", async () => {
    // A port nothing listens on, and a PMM that answers /s401/… and /s403/… with that status.
    const closed = await startRecordingServer(() => undefined);
    const closedOrigin = closed.origin;
    await closed.close();
    const refusing = await startRecordingServer((request, response) =>
      sendJson(response, Number(/^\/s(\d{3})\//.exec(request.path)?.[1] ?? 404), { code: 16, message: "no access" }),
    );
    const script = (load: string) => `${load}
(async () => {
  const out = {};
  const refused = await createClient({ baseUrl: ${JSON.stringify(closedOrigin)}, auth: { token: "t" }, retry: false }).nodes.listNodes().catch((e) => e);
  out.refused = { connection: refused instanceof ConnectionError, host: refused.host, port: refused.port, code: refused.code, message: refused.message };
  for (const status of [401, 403]) {
    const pmm = createClient({ baseUrl: ${JSON.stringify(refusing.origin)} + "/s" + status, auth: { token: "t" }, retry: false });
    const e = await pmm.nodes.listNodes().catch((error) => error);
    out[status] = { name: e.name, status: e.status, apiError: e instanceof ApiError, authentication: e instanceof AuthenticationError,
      listNodes: isApiError(e, "nodes.listNodes"), getNode: isApiError(e, "nodes.getNode"), any: isApiError(e), message: e.body.message };
  }
  try { isApiError(new Error(), "nodes.lstNodes"); } catch (e) { out.misspelt = e.constructor.name + ": " + e.message; }
  console.log(JSON.stringify(out));
})();
`;
    const names = "createClient, isApiError, ApiError, AuthenticationError, ConnectionError";
    await writeFile(path.join(project, "errors.cjs"), script(`const { ${names} } = require("pem-pmm-client/pmm/v3");`));
    await writeFile(path.join(project, "errors.mjs"), script(`import { ${names} } from "pem-pmm-client/pmm/v3";`));
    try {
      for (const file of ["errors.cjs", "errors.mjs"]) {
        const out = JSON.parse((await run(process.execPath, [file], { cwd: project })).stdout);
        const port = Number(new URL(closedOrigin).port);
        expect(out.refused, file).toEqual({
          connection: true,
          host: "127.0.0.1",
          port,
          code: "ECONNREFUSED",
          message: `GET /v1/inventory/nodes: no response (127.0.0.1:${port}, ECONNREFUSED: nothing accepts connections there; check the host and port in baseUrl)`,
        });
        for (const status of [401, 403]) {
          expect(out[status], `${file} ${status}`).toEqual({
            name: "AuthenticationError",
            status,
            apiError: true,
            authentication: true,
            listNodes: true,
            getNode: false,
            any: true,
            message: "no access",
          });
        }
        expect(out.misspelt).toBe(
          'TypeError: isApiError: this version has no method "nodes.lstNodes"; name one as "namespace.method". Did you mean "nodes.listNodes"?',
        );
      }
    } finally {
      await refusing.close();
    }
    expect(consumerDiagnostics("typed-errors")).toEqual([]);
  });

  it("runs a user's tests against pem-pmm-client/testing: every version, round trips, auth, expiry, faults, TLS", async () => {
    expect(consumerDiagnostics("kit")).toEqual([]);
    for (const [name, source] of Object.entries(await kitSources(plans))) await writeFile(path.join(project, `${name}.js`), toJavaScript(source));
    const { stdout } = await run(process.execPath, ["kit-consumer.js"], { cwd: project });
    const reports = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(reports)).toEqual(plans.map(({ api, version }) => `${api}/${version}`));
    for (const { api, version, plans: list } of plans) {
      expect(list.length, `${api}/${version}: round trips`).toBeGreaterThanOrEqual(3);
      expect(reports[`${api}/${version}`]).toEqual({
        roundTrips: list.map((plan) => ({
          resource: plan.resource,
          id: expect.anything(),
          listedAfterCreate: true,
          gotId: expect.anything(),
          readBack: true,
          listedAfterDelete: false,
          statusAfterDelete: plan.get ? 404 : null,
        })),
        wrongCredentials: api === "pem" ? "AuthenticationError" : 401,
        loginsAfterExpiry: api === "pem" ? 2 : null,
        retryOff: 503,
        retryOn: "ok",
        withoutCa: "TlsError",
      });
    }
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
      stderr: expect.stringContaining("the package holds no migration from pmm/v2 to pmm/v9. It holds: pmm/v2 → pmm/v3"),
    });
  });
});

/** `nodenext` → `NodeNext`, as TypeScript's enums name the settings. */
function pascal(setting: string): string {
  const names: Record<string, string> = { nodenext: "NodeNext", node16: "Node16", esnext: "ESNext", preserve: "Preserve", bundler: "Bundler" };
  return names[setting] ?? setting;
}

type Setup = (typeof CONSUMER_SETUPS)[number];
const setupFolder = (setup: Setup) => `${setup.format}-${setup.module}-${setup.moduleResolution}`;
const setupOptions = (setup: Setup): ts.CompilerOptions => ({
  module: ts.ModuleKind[pascal(setup.module) as keyof typeof ts.ModuleKind],
  moduleResolution: ts.ModuleResolutionKind[pascal(setup.moduleResolution) as keyof typeof ts.ModuleResolutionKind],
  skipLibCheck: setup.skipLibCheck,
});
/** typeCheck's own settings, which the consumers outside the set-up folders are checked with. */
const NODE_NEXT: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: false };

/** The TypeScript consumers in the project, by name: their files, relative to it, and their settings. */
function consumers(): Record<string, { files: string[]; options: ts.CompilerOptions }> {
  return {
    consumer: { files: ["consumer.ts"], options: NODE_NEXT },
    "typed-errors": { files: ["typed-errors.ts"], options: NODE_NEXT },
    kit: { files: ["kit-consumer.ts", "kit-plans.ts", "kit-round-trip-runner.ts"], options: NODE_NEXT },
    ...Object.fromEntries(CONSUMER_SETUPS.map((setup) => [setupFolder(setup), { files: [`${setupFolder(setup)}/consumer.ts`], options: setupOptions(setup) }])),
  };
}

/** Writes every TypeScript consumer (and each set-up's package.json, which makes its code ESM or CommonJS). */
async function writeConsumers(plans: KitPlan[]): Promise<void> {
  await writeFile(path.join(project, "consumer.ts"), TWO_VERSIONS_CONSUMER);
  await writeFile(path.join(project, "typed-errors.ts"), TYPED_ERRORS_CONSUMER);
  for (const [name, source] of Object.entries(await kitSources(plans))) await writeFile(path.join(project, `${name}.ts`), source);
  for (const setup of CONSUMER_SETUPS) {
    const folder = path.join(project, setupFolder(setup));
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "package.json"), JSON.stringify({ type: setup.format === "ESM" ? "module" : "commonjs" }));
    await writeFile(path.join(folder, "consumer.ts"), SETUP_CONSUMER);
  }
}

let checked: Record<string, string[]> | undefined;
/**
 * A consumer's diagnostics. The consumers with the same settings are checked as one program
 * (with skipLibCheck false, each program of its own checked the package's declarations again),
 * on the first call.
 */
function consumerDiagnostics(name: string): string[] {
  if (!checked) {
    const bySettings = new Map<string, Record<string, string[]>>();
    for (const [consumer, { files, options }] of Object.entries(consumers())) {
      const key = JSON.stringify(options);
      bySettings.set(key, { ...bySettings.get(key), [consumer]: files.map((file) => path.join(project, file)) });
    }
    checked = Object.assign({}, ...[...bySettings].map(([key, groups]) => typeCheckGroups(groups, JSON.parse(key))));
  }
  const diagnostics = checked![name];
  if (!diagnostics) throw new Error(`no consumer named ${name}`);
  return diagnostics;
}

const toJavaScript = (source: string) =>
  ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;

/** A consumer of two versions, which the first test runs against the recording server. */
const TWO_VERSIONS_CONSUMER = `import { createClient as createPem, type Agent } from "pem-pmm-client/pem/v9";
import { createClient as createPmm, type Nodes } from "pem-pmm-client/pmm/v3";
import { pathClient } from "pem-pmm-client/pmm/v3/paths";

const origin: string = process.env.SERVER_ORIGIN ?? "";
const pem = createPem({ baseUrl: origin, auth: { username: "pemuser", password: "secret" } });
const agents: Agent.ListResponse = await pem.agent.list();
const pmm = createPmm({ baseUrl: origin, auth: { token: "glsa_x" } });
const nodes: Nodes.ListNodesResponse = await pmm.nodes.listNodes();
// Validation imports the version's validators.js from the installed package.
const checked = await pmm.nodes.listNodes({}, { validate: "strict" });
const { data } = await pathClient(pmm).GET("/v1/inventory/nodes");
console.log(JSON.stringify({ agent: agents[0]?.name, node: nodes.generic?.[0]?.node_id, checked: checked.generic?.length, raw: data?.generic?.[0]?.node_id }));
declare const process: { env: Record<string, string | undefined> };
`;

/** The program each consumer set-up compiles. */
const SETUP_CONSUMER = `import { createClient, type Nodes } from "pem-pmm-client/pmm/v3";
import { pathClient } from "pem-pmm-client/pmm/v3/paths";
export function nodes(baseUrl: string): Promise<Nodes.ListNodesResponse> {
  return createClient({ baseUrl, auth: { token: "t" } }).nodes.listNodes();
}
export async function rawNodes(baseUrl: string): Promise<Nodes.ListNodesResponse | undefined> {
  return (await pathClient(createClient({ baseUrl, auth: { token: "t" } })).GET("/v1/inventory/nodes")).data;
}
// @ts-expect-error the types are the package's: a list is no number.
export const wrong: Promise<number> = nodes("https://pmm.example.com");
`;

/** How a TypeScript caller tells the errors apart. */
const TYPED_ERRORS_CONSUMER = `import { createClient, isApiError } from "pem-pmm-client/pmm/v3";
export async function nodeOrReason(node_id: string): Promise<unknown> {
  try {
    return await createClient({ baseUrl: "https://pmm.example.com", auth: { token: "t" } }).nodes.getNode({ path: { node_id } });
  } catch (error) {
    if (isApiError(error, "nodes.getNode")) {
      // @ts-expect-error an empty answer's body is undefined, whatever the spec says.
      error.body.message;
      if (typeof error.body !== "object") return { text: error.body, status: error.status };
      const reason: string | undefined = error.body.message;
      const code: number | undefined = error.body.code;
      // @ts-expect-error the body is typed as the spec's error body, which has no such property.
      error.body.noSuchProperty;
      return { reason, code, status: error.status };
    }
    if (isApiError(error)) {
      // @ts-expect-error without a method's name, the body is unknown.
      error.body.message;
    }
    throw error;
  }
}
// @ts-expect-error PMM v3 has no such method.
isApiError(new Error(), "nodes.noSuchMethod");
`;

type KitPlan = { api: string; version: string; plans: ReturnType<typeof planRoundTrips> };
/** The versions and round trips the kit's consumer runs, derived here (specs/, each version's fake-model.js). */
async function kitPlans(): Promise<KitPlan[]> {
  const versions = (await discoverSpecs(SPECS_DIR)).filter((entry) => /^v\d+$/.test(entry.version));
  return Promise.all(versions.map(async ({ api, version }) => ({ api, version, plans: planRoundTrips(await loadFakeModel(api, version)) })));
}
/** The kit consumer's modules by name: the plans, the round-trip runner of this repository's tests, the consumer. */
async function kitSources(plans: KitPlan[]): Promise<Record<string, string>> {
  return {
    "kit-plans": `export const plans = ${JSON.stringify(plans)};\n`,
    "kit-round-trip-runner": await readFile(path.join(ROOT, "test/support/kit-round-trip-runner.ts"), "utf8"),
    "kit-consumer": KIT_CONSUMER,
  };
}
/**
 * A user's test of the kit, in the scratch project: for each version in kit-plans.ts, a fake over
 * HTTPS with its own CA, the planned round trips through a strict client, then wrong credentials,
 * token expiry (PEM), a 503 with retry off and on, and the same server without the CA.
 */
const KIT_CONSUMER = `import { type FakePem, type FakePmm, type PemVersion, type PmmVersion, startFakePem, startFakePmm } from "pem-pmm-client/testing";
import { plans } from "./kit-plans.js";
import { runRoundTrip } from "./kit-round-trip-runner.js";

const outcome = (call: Promise<unknown>, pick: (error: any) => unknown) => call.then(() => "ok", pick);
const reports: Record<string, unknown> = {};
for (const { api, version, plans: list } of plans) {
  const { createClient } = await import(\`pem-pmm-client/\${api}/\${version}\`);
  // No await using: this project's lib is plain ES2022, as many users' are.
  const fake: FakePem | FakePmm =
    api === "pem" ? await startFakePem({ version: version as PemVersion, tls: true }) : await startFakePmm({ version: version as PmmVersion, tls: true });
  try {
  const auth = "tokens" in fake ? { token: fake.tokens[0] } : fake.users[0];
  const wrong = "tokens" in fake ? { token: "wrong" } : { ...fake.users[0], password: "wrong" };
  const client = (extra: object = {}) => createClient({ baseUrl: fake.url, auth, validate: "strict", retry: false, tls: { ca: fake.ca }, ...extra });
  const strict = client();
  const roundTrips = [];
  for (const plan of list) roundTrips.push(await runRoundTrip(strict, plan));
  const [namespace, method] = list[0]!.list.operation.split(".") as [string, string];
  // A list that is a POST (PMM 2) takes a body, which the client refuses to leave out.
  const planned = list[0]!.list as { body?: object };
  const listInput = planned.body ? { body: planned.body } : undefined;
  const list0 = (c: any) => c[namespace][method](listInput);
  const wrongCredentials = await outcome(list0(client({ auth: wrong })), (e) => (api === "pem" ? e.name : e.status));
  let loginsAfterExpiry = null;
  if ("expireTokens" in fake) {
    fake.reset();
    const session = client();
    await list0(session);
    fake.expireTokens();
    await list0(session);
    loginsAfterExpiry = fake.requests.filter((r) => r.operation === "token.create").length;
  }
  fake.fail({ operation: list[0]!.list.operation, status: 503 });
  const retryOff = await outcome(list0(strict), (e) => e.status);
  fake.fail({ operation: list[0]!.list.operation, status: 503 });
  const retryOn = await outcome(list0(client({ retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5, retryNonIdempotent: true } })), (e) => e.status);
  const withoutCa = await outcome(list0(createClient({ baseUrl: fake.url, auth, retry: false })), (e) => e.name);
  reports[\`\${api}/\${version}\`] = { roundTrips, wrongCredentials, loginsAfterExpiry, retryOff, retryOn, withoutCa };
  } finally {
    await fake.close();
  }
}
console.log(JSON.stringify(reports));
`;

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

describe("the README's install commands", () => {
  it("installs the package from its tarball when run as written", async () => {
    // The shared set-up above ran them in my-app, which had only the package's dependencies.
    expect(await readmeInstallCommands()).toContain("npm pack ./generated");
    const { dependencies } = JSON.parse(await readFile(path.join(project, "package.json"), "utf8"));
    expect(dependencies["pem-pmm-client"]).toMatch(/^file:pem-pmm-client-.*\.tgz$/);
    const { stdout } = await run(
      process.execPath,
      ["--input-type=module", "-e", 'import { createClient } from "pem-pmm-client/pmm/v3"; console.log(typeof createClient);'],
      {
        cwd: project,
      },
    );
    expect(stdout).toBe("function\n");
  });

  it("leaves the folder as it was when npm links it (npm install <folder>), and the README's Consumer set-up is the tested one", async () => {
    const folder = path.join(root, "pem-pmm-client/generated");
    const modes = async () => Promise.all((await listFiles(folder)).map(async (file) => `${file} ${(await stat(path.join(folder, file))).mode.toString(8)}`));
    const before = await modes();
    const linker = path.join(root, "linker");
    await mkdir(linker);
    await writeFile(path.join(linker, "package.json"), JSON.stringify({ name: "linker", private: true }));
    await run(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", folder], { cwd: linker });
    expect(await modes()).toEqual(before);
    // The repository's own copy is as the generator writes it (and as a fresh clone checks it out): the bin executable.
    expect((await stat(path.join(ROOT, "generated/bin/pem-pmm-client.js"))).mode & 0o111).toBe(0o111);
    expect(await readFile(path.join(ROOT, "README.md"), "utf8")).toContain(consumerSetup(3));
  });
});

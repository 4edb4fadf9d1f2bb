import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSources } from "../../generator/importer/sources-record.js";
import { shippedPackageCopy } from "../support/generated-package.js";
import { ROOT, SPECS_DIR } from "../support/paths.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { typeCheck } from "../support/typecheck.js";

/**
 * Every shipped API version (a copy of generated/, which generate-cli.test.ts holds to specs/),
 * type-checked strictly and called over real HTTP on 127.0.0.1.
 */
let dir: string;
let files: Map<string, string>;

beforeAll(async () => {
  ({ dir, files } = await shippedPackageCopy());
});

const load = (entry: string) => import(pathToFileURL(path.join(dir, entry, "index.js")).href);

describe("generated package", () => {
  it("has one entry per shipped spec (specs/sources.yaml, which the importer test holds to specs/)", async () => {
    const shipped = (await readSources(SPECS_DIR)).map((s) => `${s.api}/${s.version}`);
    expect(shipped).not.toEqual([]);
    const entries = [...files.keys()].filter((f) => f.endsWith("/index.js") && !f.startsWith("runtime/") && !f.startsWith("testing/")).sort();
    expect(entries).toEqual(shipped.map((entry) => `${entry}/index.js`).sort());
    const manifest = JSON.parse(files.get("package.json")!);
    expect(manifest.name).toBe("pem-pmm-client");
    // The package supports the Node.js versions the README and the project name.
    expect(manifest.engines.node).toBe(JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")).engines.node);
    expect(Object.keys(manifest.exports)).toEqual(expect.arrayContaining(shipped.map((entry) => `./${entry}`)));
  });

  it("has no public name containing Mixin and no PEM signature taking a token", () => {
    for (const [name, content] of files) {
      // bin/ is the upgrade command's own code (its naming rules strip Mixin), no client's names.
      if ((!name.endsWith(".d.ts") && !name.endsWith(".js")) || name.startsWith("bin/")) continue;
      expect(content, name).not.toMatch(/Mixin/);
      if (name.startsWith("pem/")) expect(content, name).not.toMatch(/X-Auth-Token/i);
    }
  });

  it("type-checks strictly, together with a consumer that uses each version", async () => {
    const consumer = path.join(dir, "..", "consumer.ts");
    await writeFile(
      consumer,
      `import { createClient as pemV9 } from "./generated/pem/v9/index.js";
import { createClient as pemV10, type Server } from "./generated/pem/v10/index.js";
import { createClient as pemV17, type Agent, type Alert, type Blackout, type Profile, type components } from "./generated/pem/v17/index.js";

/** True only when A and B are the same type: \`const x: Same<A, B> = true\` fails to compile otherwise. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
import { createClient as pmmV2 } from "./generated/pmm/v2/index.js";
import { createClient as pmmV3, type Advisor, type Nodes, ApiError } from "./generated/pmm/v3/index.js";
import { pathClient } from "./generated/pmm/v3/paths.js";

export async function use(): Promise<void> {
  const pem = pemV10({ baseUrl: "https://pem.example.com", auth: { username: "u", password: "p" } });
  const servers: Server.ListResponse = await pem.server.list();
  await pem.server.update({ path: { server_id: "1" }, body: { asb_password: "secret" } });
  // @ts-expect-error the token is the runtime's job, not a parameter
  await pem.server.list({ header: { "X-Auth-Token": "t" } });
  await pemV9({ baseUrl: "https://pem.example.com" }).agent.list();
  // The seed use case works the same on v9.
  await pemV9({ baseUrl: "https://pem.example.com" }).server.update({ path: { server_id: "1" }, body: { asb_password: "secret" } });
  const pem17 = pemV17({ baseUrl: "https://pem.example.com", auth: { username: "u", password: "p" } });
  // x-oneOf is a union; x-nullable and allOf + x-nullable add null.
  const blackouts: Blackout.ListResponse = await pem17.blackout.list({ query: { include_history: true } });
  const kind: Same<NonNullable<NonNullable<Agent.CreateJobBody["jsteps"]>[number]["jstkind"]>, boolean | "s" | "b" | "r"> = true;
  const auto: Same<Blackout.GetServerResponse["auto"], components["schemas"]["Blackout"] | null | undefined> = true;
  const listed: Same<NonNullable<Blackout.ListResponse["blackouts"]>[number], components["schemas"]["Blackout"] | components["schemas"]["BlackoutHistory"]> = true;
  // @ts-expect-error a blackout is not a string
  const notABlackout: NonNullable<Blackout.ListResponse["blackouts"]>[number] = "x";
  // A body that is an array of a schema.
  const copy: Same<Alert.CopyServerBody, components["schemas"]["CopyAlertServerData"][]> = true;
  await pem17.probe.listDataByProbeId({ path: { probe_id: 1 } });
  await pem17.probe.listDataByInternalName({ path: { internal_name: "cpu_usage" } });
  const imported: Profile.ImportResponse = await pem17.profile.import({ body: { version: 1, profiles: [], skip_overwrite: true } });
  try { await pem17.server.list(); } catch (e) { if (e instanceof ApiError && e.serverMessage) console.log(e.status, e.serverMessage); }
  console.log(blackouts, kind, auto, listed, notABlackout, copy, imported);
  const pmm = pmmV3({ baseUrl: "https://pmm.example.com", auth: { token: "glsa_x" } });
  const nodes: Nodes.ListNodesResponse = await pmm.nodes.listNodes({ query: { node_type: "NODE_TYPE_GENERIC_NODE" } });
  const first: string | undefined = nodes.generic?.[0]?.node_id;
  // PMM's gateway sends int64 as JSON strings: the type says so.
  const alerts: Advisor.ListFailedServicesResponse = await pmm.advisor.listFailedServices();
  const count: string | undefined = alerts.result?.[0]?.alert_count;
  // @ts-expect-error an int64 count is not a number on the wire
  const wrong: number | undefined = alerts.result?.[0]?.alert_count;
  // @ts-expect-error enum values are checked
  await pmm.nodes.listNodes({ query: { node_type: "NOT_A_TYPE" } });
  const { data } = await pathClient(pmm).GET("/v1/inventory/nodes", { params: { query: { node_type: "NODE_TYPE_GENERIC_NODE" } } });
  // @ts-expect-error openapi-fetch's calls are pathClient(client)'s, not the client's
  await pmm.GET("/v1/inventory/nodes");
  // @ts-expect-error a path of another version
  await pathClient(pmm).GET("/v1/inventory/Nodes/List");
  // @ts-expect-error a client of another version
  pathClient(pmmV2({ baseUrl: "https://pmm.example.com" }));
  const old = pmmV2({ baseUrl: "https://pmm.example.com", auth: { apiKey: "k" } });
  await old.nodes.listNodes({ body: { node_type: "GENERIC_NODE" } });
  try { await pmm.nodes.getNode({ path: { node_id: "n1" } }); } catch (e) { if (e instanceof ApiError) console.log(e.status, e.path); }
  console.log(servers, first, data, count, wrong);
}
`,
    );
    expect(typeCheck([consumer])).toEqual([]);
  });

  it("keeps openapi-fetch's declarations out of a program until it imports a paths entry", async () => {
    // With skipLibCheck false they cost more to check than all of the package's own (bench/PROFILE.md).
    const entries = (await readSources(SPECS_DIR)).map((s) => `${s.api}/${s.version}`);
    const program = async (name: string, imports: string[]) => {
      const file = path.join(dir, "..", name);
      await writeFile(
        file,
        `${imports.map((entry, i) => `import * as entry${i} from "./generated/${entry}.js";`).join("\n")}\nexport { ${imports.map((_, i) => `entry${i}`).join(", ")} };\n`,
      );
      const options = { noEmit: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
      return ts
        .createProgram([file], options)
        .getSourceFiles()
        .map((f) => f.fileName);
    };
    const fromOpenapiFetch = (files: string[]) => files.filter((file) => file.includes("/node_modules/openapi-fetch/"));
    const methodsOnly = await program(
      "methods-only.ts",
      entries.map((entry) => `${entry}/index`),
    );
    expect(methodsOnly.filter((file) => file.endsWith("/schema.d.ts"))).toHaveLength(entries.length);
    expect(fromOpenapiFetch(methodsOnly)).toEqual([]);
    expect(fromOpenapiFetch(await program("with-paths.ts", [`${entries[0]}/paths`]))).not.toEqual([]);
  });
});

describe("calls over HTTP", () => {
  let server: Awaited<ReturnType<typeof startRecordingServer>>;
  beforeAll(async () => {
    server = await startRecordingServer((request, response) => {
      if (request.method === "POST" && request.path.endsWith("/token/")) {
        return sendJson(response, 201, { expiresAt: new Date(Date.now() + 20 * 60_000).toISOString() }, { "X-Subject-Token": "tok-123" });
      }
      if (request.path === "/api/v10/server/") return sendJson(response, 200, [{ id: 1, name: "pem" }]);
      if (request.path === "/api/v10/server/1") {
        response.writeHead(200);
        return void response.end();
      }
      if (request.path === "/v1/inventory/nodes") return sendJson(response, 200, { generic: [{ node_id: "n1", node_name: "db1" }] });
      if (request.path === "/v1/inventory/Nodes/List") return sendJson(response, 200, { generic: [{ node_id: "n2" }] });
      if (request.path === "/v1/inventory/nodes/missing")
        return sendJson(response, 404, { code: 5, message: 'Node with ID "missing" not found.', details: [] });
      sendJson(response, 404, { message: "no route" });
    });
  });
  afterAll(() => server.close());

  it("PEM v10: logs in once, lists servers and changes a server's password", async () => {
    const { createClient } = await load("pem/v10");
    const pem = createClient({ baseUrl: server.origin, auth: { username: "pemuser", password: "xyz" } });
    expect(await pem.server.list()).toEqual([{ id: 1, name: "pem" }]);
    expect(await pem.server.update({ path: { server_id: "1" }, body: { asb_password: "new-password" } })).toBeUndefined();

    const [login, list, update] = server.requests.slice(-3);
    expect(login).toMatchObject({ method: "POST", path: "/api/token/" });
    expect(JSON.parse(login!.body)).toEqual({ username: "pemuser", password: "xyz" });
    expect(list).toMatchObject({ method: "GET", path: "/api/v10/server/", body: "" });
    expect(list!.headers["x-auth-token"]).toBe("tok-123");
    expect(update).toMatchObject({ method: "PUT", path: "/api/v10/server/1" });
    expect(update!.headers["x-auth-token"]).toBe("tok-123");
    expect(update!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(update!.body)).toEqual({ asb_password: "new-password" });
  });

  it("PMM 3: GET /v1/inventory/nodes with a query and a bearer token", async () => {
    const { createClient } = await load("pmm/v3");
    const pmm = createClient({ baseUrl: server.origin, auth: { token: "glsa_service_token" }, headers: { "X-Team": "dba" } });
    const nodes = await pmm.nodes.listNodes({ query: { node_type: "NODE_TYPE_GENERIC_NODE" } });
    expect(nodes.generic[0].node_name).toBe("db1");
    const request = server.requests.at(-1)!;
    expect(request).toMatchObject({ method: "GET", path: "/v1/inventory/nodes", query: { node_type: "NODE_TYPE_GENERIC_NODE" } });
    expect(request.headers.authorization).toBe("Bearer glsa_service_token");
    expect(request.headers["x-team"]).toBe("dba");

    const { pathClient } = await import(pathToFileURL(path.join(dir, "pmm/v3/paths.js")).href);
    const raw = await pathClient(pmm).GET("/v1/inventory/nodes", { params: { query: { node_type: "NODE_TYPE_GENERIC_NODE" } } });
    expect(raw.data.generic[0].node_id).toBe("n1");
    expect(raw.response.status).toBe(200);
    expect(server.requests.at(-1)!.headers.authorization).toBe("Bearer glsa_service_token");
    expect(pmm.GET).toBeUndefined();
  });

  it("pathClient refuses what is not a client of its own version, before anything is sent", async () => {
    const { pathClient } = await import(pathToFileURL(path.join(dir, "pmm/v3/paths.js")).href);
    const older = (await load("pmm/v2")).createClient({ baseUrl: server.origin });
    const sent = server.requests.length;
    const refusals: [unknown, string][] = [
      [older, "pathClient of PMM API v3 was given a client of PMM API v2: use the pathClient of the paths module beside the entry that made it."],
      [
        { GET: () => undefined },
        "pathClient takes a client that createClient made for PMM API v3; got an object that no createClient of this copy of the package made.",
      ],
      [undefined, "pathClient takes a client that createClient made for PMM API v3; got undefined."],
    ];
    for (const [given, message] of refusals) expect(() => pathClient(given)).toThrow(new TypeError(message));
    expect(server.requests.length).toBe(sent);
  });

  it("PMM 3: an error status rejects with a typed ApiError carrying PMM's error body", async () => {
    const { createClient, ApiError } = await load("pmm/v3");
    // A realistic token: a one-letter one would be redacted from every word of the message.
    const pmm = createClient({ baseUrl: server.origin, auth: { token: "glsa_service_token" } });
    const error = await pmm.nodes.getNode({ path: { node_id: "missing" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, method: "GET", path: "/v1/inventory/nodes/{node_id}", body: { code: 5 } });
    expect(String(error.message)).toContain("not found");
  });

  it("PMM 2: POST /v1/inventory/Nodes/List with a JSON body and an API key in basic form", async () => {
    const { createClient } = await load("pmm/v2");
    const pmm = createClient({ baseUrl: server.origin, auth: { apiKey: "KEY123" } });
    const nodes = await pmm.nodes.listNodes({ body: { node_type: "GENERIC_NODE" } });
    expect(nodes.generic[0].node_id).toBe("n2");
    const request = server.requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/v1/inventory/Nodes/List" });
    expect(JSON.parse(request.body)).toEqual({ node_type: "GENERIC_NODE" });
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("api_key:KEY123").toString("base64")}`);
  });

  it("uses a base URL with a path as given (PEM under /pem/api)", async () => {
    const { createClient } = await load("pem/v10");
    const pem = createClient({ baseUrl: `${server.origin}/pem/api/v10`, auth: { token: "existing" } });
    await pem.server.list().catch(() => undefined);
    const request = server.requests.at(-1)!;
    expect(request.path).toBe("/pem/api/v10/server/");
    expect(request.headers["x-auth-token"]).toBe("existing");
  });
});

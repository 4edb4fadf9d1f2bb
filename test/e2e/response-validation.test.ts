import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiConfig } from "../../generator/load/api-config.js";
import { generateStandalone } from "../../generator/pipeline.js";
import { writeTreeAtomically } from "../../generator/write/file-tree.js";
import type { RequestValidationError, ResponseValidationError } from "../../templates/runtime/errors.js";
import { projectTempDir, TEMPLATES_DIR } from "../support/paths.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { rejectionOf } from "../support/rejection.js";
import { typeCheck } from "../support/typecheck.js";

/**
 * Response and request validation through a client generated from test/fixtures/validation/drift.yaml,
 * against a real HTTP server on 127.0.0.1 that answers whatever each test puts in `answers`.
 */
const SPEC = path.join(import.meta.dirname, "../fixtures/validation/drift.yaml");
const config: ApiConfig = { name: "drift", auth: "pmm", naming: "operationId", int64: "string" };

let client: any;
let clientDir: string;
let server: Awaited<ReturnType<typeof startRecordingServer>>;
const answers = new Map<string, unknown>();
const node = { node_id: "n1", count: "9007199254740993", ratio: 0.5, address: "10.0.0.1", status: "NODE_STATUS_UP", kind: "s", labels: { env: "prod" } };

async function generate(folder: string): Promise<string> {
  const dir = path.join(await projectTempDir(folder), "client");
  const { files } = await generateStandalone(SPEC, config, "v1", TEMPLATES_DIR);
  await writeTreeAtomically(dir, files);
  return dir;
}

beforeAll(async () => {
  clientDir = await generate("validation");
  client = await import(pathToFileURL(path.join(clientDir, "index.js")).href);
  server = await startRecordingServer((request, response) => {
    if (request.method === "DELETE") return void response.writeHead(204).end();
    const answer = answers.get(request.path) ?? {};
    // A string is sent as the JSON text itself: some bodies are too deep for JSON.stringify.
    if (typeof answer === "string") return void response.writeHead(200, { "Content-Type": "application/json" }).end(answer);
    sendJson(response, 200, answer);
  });
});
afterAll(() => server.close());

const create = (options: object = {}) => client.createClient({ baseUrl: server.origin, retry: false, ...options });

/** The problems a strict call reports for `body` served at `/api/v1<path>`. */
async function problemsOf(call: (api: any) => Promise<unknown>, at: string, body: unknown) {
  answers.set(`/api/v1${at}`, body);
  const error = (await rejectionOf(call(create({ validate: "strict" })))) as ResponseValidationError;
  expect(error).toBeInstanceOf(client.ResponseValidationError);
  return error.problems;
}

describe("response validation, strict", () => {
  it("accepts a body that follows the spec, extra properties included where the spec allows them", async () => {
    answers.set("/api/v1/nodes", { nodes: [node, { ...node, address: null, kind: true, surplus: { any: 1 } }], next_page: "x" });
    await expect(create({ validate: "strict" }).nodes.listNodes()).resolves.toEqual(answers.get("/api/v1/nodes"));
  });

  it("throws ResponseValidationError after reading the answer: operation, status, pointer, expected and received, and the parsed body", async () => {
    const body = { nodes: [node, { ...node, count: 42 }] };
    answers.set("/api/v1/nodes", body);
    const error = (await rejectionOf(create({ validate: "strict" }).nodes.listNodes())) as ResponseValidationError;
    expect(error).toBeInstanceOf(client.ResponseValidationError);
    expect(error).not.toBeInstanceOf(client.ApiError);
    expect(error).toMatchObject({ name: "ResponseValidationError", operation: "nodes.listNodes", method: "GET", path: "/nodes", status: 200, body });
    // PMM's gateway sends int64 as a string: a number there is drift.
    expect(error.problems).toEqual([{ pointer: "/nodes/1/count", expected: "string", received: "integer" }]);
    expect(error.message).toBe("GET /nodes (nodes.listNodes): the 200 answer disagrees with the spec at /nodes/1/count: expected string, received integer.");
  });

  it("takes the client's secrets out of the error's body, as ApiError does", async () => {
    const token = "glsa_validation-secret-1";
    const body = { nodes: [{ ...node, count: 1, address: `echo Bearer ${token}`, labels: { password: "p4ss" } }] };
    answers.set("/api/v1/nodes", body);
    const error = (await rejectionOf(create({ validate: "strict", auth: { token } }).nodes.listNodes())) as ResponseValidationError<typeof body>;
    expect(error.problems).toEqual([{ pointer: "/nodes/0/count", expected: "string", received: "integer" }]);
    expect(error.body.nodes[0]!).toMatchObject({ address: "echo Bearer [redacted]", labels: { password: "[redacted]" } });
    expect(JSON.stringify(error.body)).not.toContain(token);
  });

  it("takes the client's secrets out of problems, their message and warn lines: an enum value, a map key, a value cut at 64 characters", async () => {
    const token = "glsa_validation-secret-2/x";
    const long = `${"x".repeat(40)}${token}`;
    answers.set("/api/v1/nodes", {
      nodes: [
        { ...node, status: token, labels: { [token]: 1 } },
        { ...node, status: long },
      ],
    });
    const error = (await rejectionOf(create({ validate: "strict", auth: { token } }).nodes.listNodes())) as ResponseValidationError;
    const lines: string[] = [];
    const logger = { warn: (message: string, details: unknown) => lines.push(message, JSON.stringify(details)) };
    await create({ validate: "warn", auth: { token }, logger }).nodes.listNodes();
    expect(error.problems.map((p) => p.pointer)).toEqual(["/nodes/0/status", "/nodes/0/labels/[redacted]", "/nodes/1/status"]);
    expect(lines.length).toBeGreaterThan(2);
    for (const text of [error.message, JSON.stringify(error.problems), ...lines]) {
      expect(text).not.toContain("glsa_va");
      expect(text).not.toContain("secret-2");
    }
  });

  it("takes out a secret that a value's cut at 64 characters would split inside an escape", async () => {
    // Quotes and backslashes are two characters each in JSON: at some offsets the cut lands inside one.
    const token = 'Q7k"Q7k\\Q7k"Q7k\\Q7k"Q7k\\Q7k"Q7k\\Q7k"Q7k\\';
    answers.set("/api/v1/nodes", { nodes: Array.from({ length: 8 }, (_, offset) => ({ ...node, status: `${"x".repeat(30 + offset)}${token}` })) });
    const error = (await rejectionOf(create({ validate: "strict", auth: { token } }).nodes.listNodes())) as ResponseValidationError;
    expect(error.problems).toHaveLength(8);
    for (const problem of error.problems) {
      expect(problem.received.length).toBeLessThanOrEqual(64);
      expect(problem.received).not.toContain("Q7k");
    }
    expect(error.message).not.toContain("Q7k");
  });

  it("reports null where the spec does not allow it, and allows it where x-nullable does", async () => {
    expect(await problemsOf((api) => api.nodes.listNodes(), "/nodes", { nodes: [{ ...node, address: null, node_id: null }] })).toEqual([
      { pointer: "/nodes/0/node_id", expected: "string", received: "null" },
    ]);
  });

  it("names a value outside an enum, and missing required properties", async () => {
    const { node_id: _, status: __, ...partial } = node;
    expect(await problemsOf((api) => api.nodes.listNodes(), "/nodes", { nodes: [{ ...node, status: "NODE_STATUS_LOST" }, partial] })).toEqual([
      { pointer: "/nodes/0/status", expected: 'one of "NODE_STATUS_UP", "NODE_STATUS_DOWN"', received: '"NODE_STATUS_LOST"' },
      { pointer: "/nodes/1/node_id", expected: "required", received: "nothing" },
      { pointer: "/nodes/1/status", expected: "required", received: "nothing" },
    ]);
  });

  it("reads PEM's x-oneOf as the types do: a boolean or one of the letters", async () => {
    const problems = await problemsOf((api) => api.nodes.listNodes(), "/nodes", {
      nodes: [
        { ...node, kind: false },
        { ...node, kind: "x" },
        { ...node, kind: 1 },
      ],
    });
    // No alternative matched: the problem names them all, and the value where an enum refused it.
    expect(problems).toEqual([
      { pointer: "/nodes/1/kind", expected: 'boolean or one of "s", "b", "r"', received: '"x"' },
      { pointer: "/nodes/2/kind", expected: 'boolean or one of "s", "b", "r"', received: "1" },
    ]);
    // An alternative whose type the value has is preferred over an earlier one that came as close.
    expect(await problemsOf((api) => api.nodes.listNodes(), "/nodes", { nodes: [{ ...node, owner: {} }] })).toEqual([
      { pointer: "/nodes/0/owner/name", expected: "required", received: "nothing" },
    ]);
  });

  it("refuses properties the spec forbids (additionalProperties: false, through allOf), with Object.prototype names as plain names", async () => {
    const body = JSON.parse('{ "name": "a", "size": 1.5, "constructor": 1, "a/b~c": true }');
    expect(await problemsOf((api) => api.nodes.getStrict(), "/strict", body)).toEqual([
      { pointer: "/size", expected: "integer", received: "number" },
      { pointer: "/constructor", expected: "no such property", received: "integer" },
      { pointer: "/a~1b~0c", expected: "no such property", received: "boolean" },
    ]);
    expect(await problemsOf((api) => api.nodes.getStrictRef(), "/strict-ref", { name: "a", size: 1, other: 1 })).toEqual([
      { pointer: "/other", expected: "no such property", received: "integer" },
    ]);
    // `__proto__` parsed from JSON is an own property: a map of strings checks it, and a required name behind it is still missing.
    const labels = JSON.parse('{ "nodes": [{ "status": "NODE_STATUS_UP", "__proto__": { "node_id": "n" }, "labels": { "__proto__": 5, "toString": "x" } }] }');
    expect(await problemsOf((api) => api.nodes.listNodes(), "/nodes", labels)).toEqual([
      { pointer: "/nodes/0/node_id", expected: "required", received: "nothing" },
      { pointer: "/nodes/0/labels/__proto__", expected: "string", received: "integer" },
    ]);
  });

  it("prints keys the server chose escaped and cut short, and keeps them exact in the problems", async () => {
    const forged = "\u001b[2J\nGET /x: fake\u2028";
    const long = "k".repeat(200);
    answers.set("/api/v1/nodes", { nodes: [{ ...node, labels: { [forged]: 1, [long]: 2 } }] });
    const error = (await rejectionOf(create({ validate: "strict" }).nodes.listNodes())) as ResponseValidationError;
    expect(error.problems.map((p) => p.pointer)).toEqual([`/nodes/0/labels/${forged.replace("/", "~1")}`, `/nodes/0/labels/${long}`]);
    expect(error.message).toBe(
      "GET /nodes (nodes.listNodes): the 200 answer disagrees with the spec at /nodes/0/labels/\\u001b[2J\\u000aGET ~1x: fake\\u2028: expected string, received integer (and 1 more).",
    );
    const warnings: string[] = [];
    answers.set("/api/v1/nodes", { nodes: [{ ...node, labels: { [long]: 2 } }] });
    await create({ validate: "warn", logger: { warn: (message: string) => warnings.push(message) } }).nodes.listNodes();
    expect(warnings[0]).toBe(
      `GET /nodes (nodes.listNodes): the 200 answer disagrees with the spec at /nodes/0/labels/${"k".repeat(61)}...: expected string, received integer. Not reported again for this client.`,
    );
  });

  it("follows recursive schemas, and reports a body nested deeper than it can check as one problem", async () => {
    expect(await problemsOf((api) => api.nodes.getTree(), "/tree", { children: [{ children: [{ children: {} }] }] })).toEqual([
      { pointer: "/children/0/children/0/children", expected: "array", received: "object" },
    ]);
    const deep = `${'{"children":['.repeat(20_000)}{}${"]}".repeat(20_000)}`;
    expect(await problemsOf((api) => api.nodes.getTree(), "/tree", deep)).toEqual([
      { pointer: "", expected: "a body nested less deeply", received: "a body too deeply nested to check" },
    ]);
  });

  it("leaves an answer without a body alone where the spec gives it none, and reports one missing where it gives a schema", async () => {
    await expect(create({ validate: "strict" }).nodes.removeAll()).resolves.toBeUndefined();
    expect(await problemsOf((api) => api.nodes.listNodes(), "/nodes", "")).toEqual([{ pointer: "", expected: "object", received: "nothing" }]);
  });
});

describe("response validation, warn and off", () => {
  it("warns once per operation and place (array positions aside) for the life of the client, with the details as fields, and returns the data", async () => {
    const warnings: { message: string; details?: Record<string, unknown> }[] = [];
    const api = create({ validate: "warn", logger: { warn: (message: string, details?: Record<string, unknown>) => warnings.push({ message, details }) } });
    answers.set("/api/v1/nodes", {
      nodes: [
        { ...node, count: 1 },
        { ...node, count: 2 },
      ],
    });
    await expect(api.nodes.listNodes()).resolves.toEqual(answers.get("/api/v1/nodes"));
    await api.nodes.listNodes();
    answers.set("/api/v1/nodes", { nodes: [{ ...node, ratio: "1" }] });
    await api.nodes.listNodes();
    expect(warnings.map((w) => w.details)).toEqual([
      { operation: "nodes.listNodes", method: "GET", path: "/nodes", status: 200, pointer: "/nodes/0/count", expected: "string", received: "integer" },
      { operation: "nodes.listNodes", method: "GET", path: "/nodes", status: 200, pointer: "/nodes/0/ratio", expected: "number", received: "string" },
    ]);
    expect(warnings[0]!.message).toBe(
      "GET /nodes (nodes.listNodes): the 200 answer disagrees with the spec at /nodes/0/count: expected string, received integer. Not reported again for this client.",
    );
  });

  it("counts all members of a map as one place, so a map keyed by ids warns once", async () => {
    const warnings: Record<string, unknown>[] = [];
    const api = create({ validate: "warn", logger: { warn: (_message: string, details: Record<string, unknown>) => warnings.push(details) } });
    for (const ids of [
      ["1", "2"],
      ["n-3", "n-4"],
    ]) {
      answers.set("/api/v1/nodes", { nodes: [{ ...node, labels: Object.fromEntries(ids.map((id) => [id, 1])) }] });
      await api.nodes.listNodes();
    }
    expect(warnings.map((w) => w.pointer)).toEqual(["/nodes/0/labels/1"]);
  });

  it("checks nothing by default, and each call's options override the client's", async () => {
    answers.set("/api/v1/nodes", { nodes: [{ node_id: 1 }] });
    await expect(create().nodes.listNodes()).resolves.toEqual({ nodes: [{ node_id: 1 }] });
    await expect(create({ validate: "strict" }).nodes.listNodes({ validate: "off" })).resolves.toEqual({ nodes: [{ node_id: 1 }] });
    await expect(create().nodes.listNodes({ validate: "strict" })).rejects.toBeInstanceOf(client.ResponseValidationError);
  });

  it("refuses a mode it does not know, a call's own before anything is sent", async () => {
    expect(() => create({ validate: "yes" })).toThrow(new TypeError('validate must be "off", "warn" or "strict"; got "yes".'));
    const sent = server.requests.length;
    await expect(create().nodes.addNode({ body: node }, { validate: "strct" })).rejects.toThrow(
      new TypeError('validate must be "off", "warn" or "strict"; got "strct".'),
    );
    expect(server.requests.length).toBe(sent);
  });

  it("imports validators.js on the first validated call only", async () => {
    const dir = await generate("validation-lazy");
    // A validators.js that fails when imported: calls without validation must never touch it.
    await writeFile(path.join(dir, "validators.js"), 'throw new Error("validators.js was imported");\n');
    const lazy = await import(pathToFileURL(path.join(dir, "index.js")).href);
    const warnings: string[] = [];
    const api = lazy.createClient({ baseUrl: server.origin, retry: false, logger: { warn: (message: string) => warnings.push(message) } });
    answers.set("/api/v1/nodes", { nodes: [] });
    await expect(api.nodes.listNodes()).resolves.toEqual({ nodes: [] });
    expect(warnings).toEqual([]);
    // "warn" never fails a call: the failed import is logged once; "strict" fails.
    await expect(api.nodes.listNodes({ validate: "warn" })).resolves.toEqual({ nodes: [] });
    await expect(api.nodes.listNodes({ validate: "warn" })).resolves.toEqual({ nodes: [] });
    expect(warnings).toEqual(['validators.js could not be imported, so "warn" checks nothing for this client: validators.js was imported']);
    await expect(api.nodes.listNodes({ validate: "strict" })).rejects.toThrow("validators.js was imported");
  });
});

describe("request validation", () => {
  it("strict: a body that disagrees with the spec is not sent; the error keeps no part of it", async () => {
    const api = create({ validateRequests: "strict" });
    const sent = server.requests.length;
    const error = (await rejectionOf(
      api.nodes.addNode({ body: { node_id: "n", status: "NODE_STATUS_UP", address: 7, labels: { password: 1 } } }),
    )) as RequestValidationError;
    expect(error).toBeInstanceOf(client.RequestValidationError);
    expect(error).toMatchObject({ operation: "nodes.addNode", method: "POST", path: "/nodes" });
    expect(error.problems).toEqual([
      { pointer: "/address", expected: "string", received: "integer" },
      { pointer: "/labels/password", expected: "string", received: "integer" },
    ]);
    expect(Object.keys(error)).not.toContain("body");
    expect(server.requests.length).toBe(sent);
    answers.set("/api/v1/nodes", node);
    await expect(api.nodes.addNode({ body: node })).resolves.toEqual(node);
    expect(server.requests.length).toBe(sent + 1);
  });

  it("warn: logs and sends", async () => {
    const warnings: string[] = [];
    const api = create({ validateRequests: "warn", logger: { warn: (message: string) => warnings.push(message) } });
    answers.set("/api/v1/nodes", node);
    await api.nodes.addNode({ body: { node_id: "n" } });
    expect(warnings).toEqual([
      "POST /nodes (nodes.addNode): the request body disagrees with the spec at /status: expected required, received nothing. Not reported again for this client.",
    ]);
  });
});

// Last: the compiler blocks the event loop for seconds, long enough for the server to drop idle connections.
describe("agreement with the generated types", () => {
  it("accepts exactly the bodies that schema.d.ts accepts (the TypeScript compiler is the referee)", async () => {
    // Extra properties are left out: TypeScript refuses them in object literals only, which says nothing about data.
    // Integers too: the types say number, the validator also says when a number is not whole.
    const { status: _, ...withoutStatus } = node;
    const cases: { body: unknown; label: string; strict?: true | "ref" }[] = [
      { label: "every field", body: { nodes: [node] } },
      { label: "no nodes", body: {} },
      { label: "x-nullable address as null", body: { nodes: [{ ...node, address: null }] } },
      { label: "x-oneOf as a boolean", body: { nodes: [{ ...node, kind: false }] } },
      { label: "int64 as a number", body: { nodes: [{ ...node, count: 42 }] } },
      { label: "node_id as null", body: { nodes: [{ ...node, node_id: null }] } },
      { label: "status outside the enum", body: { nodes: [{ ...node, status: "NODE_STATUS_LOST" }] } },
      { label: "status missing", body: { nodes: [withoutStatus] } },
      { label: "x-oneOf as another letter", body: { nodes: [{ ...node, kind: "x" }] } },
      { label: "x-oneOf as a number", body: { nodes: [{ ...node, kind: 1 }] } },
      { label: "a label that is not a string", body: { nodes: [{ ...node, labels: { env: 1 } }] } },
      { label: "nodes as an object", body: { nodes: {} } },
      // allOf with additionalProperties: false in one part: the other part's `name` is no extra property.
      { label: "allOf: a property of each part", body: { name: "a", size: 1 }, strict: true },
      { label: "allOf: the first part's required property missing", body: { size: 1 }, strict: true },
      { label: "allOf of $refs: a property of each part", body: { name: "a", size: 1 }, strict: "ref" },
    ];
    const lines = ['import type { Nodes } from "./client/index.js";'];
    for (const [index, { body, label, strict }] of cases.entries()) {
      const [at, method, type] =
        strict === "ref"
          ? ["/strict-ref", "getStrictRef", "Nodes.GetStrictRefResponse"]
          : strict
            ? ["/strict", "getStrict", "Nodes.GetStrictResponse"]
            : ["/nodes", "listNodes", "Nodes.ListNodesResponse"];
      answers.set(`/api/v1${at}`, body);
      const accepted = await create({ validate: "strict" })
        .nodes[method]()
        .then(
          () => true,
          () => false,
        );
      // The compiler must agree: an accepted body compiles, a refused one needs its @ts-expect-error.
      lines.push(`// ${label}`, ...(accepted ? [] : ["// @ts-expect-error"]), `export const case${index}: ${type} = ${JSON.stringify(body)};`);
    }
    const consumer = path.join(clientDir, "..", "agreement.ts");
    await writeFile(consumer, `${lines.join("\n")}\n`);
    // Consumer code only: the package's own declarations are checked with skipLibCheck off in shipped-clients.test.ts.
    expect(typeCheck([consumer], { skipLibCheck: true })).toEqual([]);
  });
});

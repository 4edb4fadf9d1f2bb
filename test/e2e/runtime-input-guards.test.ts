import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiModel, OperationModel } from "../../generator/normalize/build-model.js";
import { loadGenerated } from "../support/generated-client.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { shippedModels } from "../support/shipped-models.js";

/**
 * What a JavaScript caller can pass that the types would refuse, over every operation of every
 * shipped version: each is a TypeError before anything is sent, and a correct call still goes
 * out to its own path. Path values that are empty or dot segments would otherwise be resolved
 * by the URL onto another operation (`DELETE /agent/job/../123` is `DELETE /agent/123`).
 */
const STEERING_VALUES: unknown[] = ["", ".", "..", "%2e", "%2E%2e", ".%2e", "%252e%252e", [".."], null, undefined];
const NOT_A_VALUE: unknown[] = [{}, Number.NaN, Symbol("s"), () => 1];

let server: Awaited<ReturnType<typeof startRecordingServer>>;
const versions: { entry: string; model: ApiModel; client: any; paths: any }[] = [];

beforeAll(async () => {
  server = await startRecordingServer((_request, response) => sendJson(response, 200, {}));
  for (const { spec, model } of await shippedModels()) {
    const { createClient, pathClient } = await loadGenerated(`${spec.api}/${spec.version}` as never);
    const client = createClient({ baseUrl: `${server.origin}/base`, auth: { token: "t" }, retry: false });
    versions.push({ entry: `${spec.api}/${spec.version}`, model, client, paths: pathClient(client) });
  }
});
afterAll(() => server.close());

const pathNames = (op: OperationModel) => op.parameterList.filter((p) => p.location === "path").map((p) => p.name);

/** An input the operation accepts: "1" for every required parameter, `{}` for a required body. */
function validInput(op: OperationModel): Record<string, any> {
  const input: Record<string, any> = {};
  for (const parameter of op.parameterList) {
    if (!parameter.required) continue;
    input[parameter.location] ??= {};
    input[parameter.location][parameter.name] = "1";
  }
  if (op.requestBody?.required) input.body = {};
  return input;
}

/** The URL path a correct call sends: each `{name}` as "1". */
const sentPath = (op: OperationModel) => `/base${op.path.replace(/\{[^}]+\}/g, "1")}`;

async function rejection(call: () => Promise<unknown>): Promise<any> {
  return call().then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("a generated method's input, from JavaScript", () => {
  it("refuses every empty, dot-segment, missing or non-value path parameter of every operation, sending nothing", async () => {
    let checked = 0;
    for (const { model, client } of versions) {
      for (const op of model.operations) {
        const method = client[op.namespace][op.name];
        for (const name of pathNames(op)) {
          for (const value of [...STEERING_VALUES, ...NOT_A_VALUE]) {
            const input = validInput(op);
            input.path = { ...input.path, [name]: value };
            const error = await rejection(() => method(input));
            expect(error, `${model.version} ${op.namespace}.${op.name} path.${name} = ${String(value)}`).toBeInstanceOf(TypeError);
            expect(error.message).toContain(`${op.namespace}.${op.name}`);
            expect(error.message).toContain(`path.${name}`);
          }
          checked++;
        }
        if (pathNames(op).length > 0) {
          const error = await rejection(() => method());
          expect(error, `${op.namespace}.${op.name}()`).toBeInstanceOf(TypeError);
        }
      }
    }
    expect(server.requests).toEqual([]);
    // Every shipped PEM and PMM 3 version has path parameters; a table without them would check nothing.
    expect(checked).toBeGreaterThan(versions.length * 10);
  });

  it("refuses a missing required query parameter, header parameter or body, sending nothing", async () => {
    let checked = 0;
    for (const { model, client } of versions) {
      for (const op of model.operations) {
        const method = client[op.namespace][op.name];
        const required = op.parameterList.filter((p) => p.required && p.location !== "path");
        for (const parameter of required) {
          const input = validInput(op);
          delete input[parameter.location][parameter.name];
          const error = await rejection(() => method(input));
          expect(error, `${op.namespace}.${op.name} without ${parameter.location}.${parameter.name}`).toBeInstanceOf(TypeError);
          expect(error.message).toContain(`${parameter.location}.${parameter.name}`);
          checked++;
        }
        if (op.requestBody?.required) {
          const { body: _, ...input } = validInput(op);
          const error = await rejection(() => method(input));
          expect(error, `${op.namespace}.${op.name} without its body`).toBeInstanceOf(TypeError);
          expect(error.message).toBe(`${op.namespace}.${op.name} needs a body, and was given none; nothing was sent.`);
          checked++;
        }
      }
    }
    expect(server.requests).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it("sends every operation's correct call to its own path", async () => {
    for (const { model, client } of versions) {
      for (const op of model.operations) {
        server.requests.length = 0;
        await client[op.namespace][op.name](validInput(op));
        expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`${op.httpMethod.toUpperCase()} ${sentPath(op)}`]);
      }
    }
    server.requests.length = 0;
  });

  it("refuses input parts and call options that do not exist, naming the nearest", async () => {
    const pmm = versions.find((v) => v.entry === "pmm/v3")!.client;
    const cases: [() => Promise<unknown>, string][] = [
      [() => pmm.nodes.getNode({ params: { path: { node_id: "n1" } } }), "not under `params`"],
      [() => pmm.nodes.getNode({ pth: { node_id: "n1" } }), 'Did you mean "path"?'],
      [() => pmm.nodes.getNode({ path: { nodeId: "n1" } }), 'needs path.node_id, and was given none (it has `nodeId`). Did you mean "node_id"?'],
      [() => pmm.nodes.getNode({ path: "n1" }), "`path` must be an object"],
      [() => pmm.nodes.getNode("n1"), "its input must be an object"],
      [() => pmm.nodes.getNode({ path: { node_id: "n1" } }, { timeout: 5 }), "there is no call option `timeout`"],
      [() => pmm.nodes.getNode({ path: { node_id: "n1" } }, { header: {} }), 'Did you mean "headers"?'],
      [() => pmm.server.version({ signl: new AbortController().signal }), 'Did you mean "signal"?'],
      [() => pmm.ha.status({ timeout: 5 }), "there is no call option `timeout`"],
    ];
    for (const [call, message] of cases) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(message);
    }
    expect(server.requests).toEqual([]);
  });
});

describe("openapi-fetch's own calls", () => {
  it("refuse path values that would leave the path, for every operation with a path parameter", async () => {
    let checked = 0;
    for (const { model, paths } of versions) {
      for (const op of model.operations) {
        for (const name of pathNames(op)) {
          const values = Object.fromEntries(pathNames(op).map((n) => [n, n === name ? ".." : "1"]));
          const call = () => paths[op.httpMethod.toUpperCase()](op.path, { params: { path: values } });
          const error = await rejection(call);
          expect(error, `${op.httpMethod} ${op.path}`).toBeInstanceOf(TypeError);
          expect(error.message).toBe(
            `${op.httpMethod.toUpperCase()} ${op.path}: path.${name} is "..", a dot segment that the URL would resolve onto another path; nothing was sent.`,
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(server.requests).toEqual([]);
    const pmm = versions.find((v) => v.entry === "pmm/v3")!.paths;
    // A value with a slash stays inside its segment.
    await pmm.GET("/v1/inventory/nodes/{node_id}", { params: { path: { node_id: "a/../b" } } });
    expect(server.requests.map((r) => r.path)).toEqual(["/base/v1/inventory/nodes/a%2F..%2Fb"]);
    server.requests.length = 0;
  });
});

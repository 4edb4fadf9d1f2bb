import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationModel } from "../../generator/normalize/build-model.js";
import { resolveRef } from "../../generator/normalize/resolve-ref.js";
import { loadGenerated, type VersionEntry } from "../support/generated-client.js";
import { METHOD_ROUTES } from "../support/method-routes.js";
import { type RecordedRequest, sendJson, startRecordingServer } from "../support/recording-server.js";
import { sampleOf } from "../support/schema-sample.js";
import { shippedModels } from "../support/shipped-models.js";

/**
 * A method goes to the server directly unless the caller has middleware of their own, when it
 * goes through openapi-fetch's client. Both ways must send the same request and make the same
 * result of the same answer: for every operation of every shipped version, with every
 * parameter and the body filled from the spec's schemas, against each kind of answer.
 */
type Json = Record<string, any>;

/** How the server answers, chosen per call by the `X-Answer` header the test sends. */
const ANSWERS: Record<string, (response: ServerResponse) => void> = {
  data: (response) => sendJson(response, 200, { items: [1, 2], name: "a ü" }),
  empty: (response) => response.writeHead(204).end(),
  error: (response) => sendJson(response, 422, { error: "bad", code: 3 }, { "X-Request-Id": "r-1" }),
  "plain error": (response) => response.writeHead(500, { "Content-Type": "text/plain" }).end("not json"),
};

/** An input with every parameter and the body, from the operation's own schemas. */
function fullInput(document: Json, operation: OperationModel): Json {
  const raw = document.paths[operation.path];
  const declared: Json[] = [...(raw.parameters ?? []), ...(raw[operation.httpMethod].parameters ?? [])];
  const input: Json = {};
  for (const parameter of operation.parameterList) {
    const spec = declared.map((p) => resolveRef<Json>(document, p)!).find((p) => p.name === parameter.name && p.in === parameter.location);
    const value = sampleOf(document, spec?.schema) ?? "1";
    input[parameter.location] ??= {};
    // A path value is one segment; a header value one line.
    input[parameter.location][parameter.name] = parameter.location === "header" && typeof value === "object" ? "h" : value;
  }
  const body = operation.requestBody && resolveRef<Json>(document, raw[operation.httpMethod].requestBody);
  if (body) input.body = sampleOf(document, body.content[operation.requestBody!.contentType]?.schema) ?? {};
  return input;
}

/** What the server saw, with a multipart body's random boundary named the same way. */
function sent(request: RecordedRequest) {
  const boundary = /boundary=(\S+)/.exec(String(request.headers["content-type"] ?? ""))?.[1];
  const unbound = (text: string) => (boundary ? text.replaceAll(boundary, "BOUNDARY") : text);
  const { connection: _, ...headers } = request.headers;
  return {
    method: request.method,
    url: request.url,
    headers: JSON.parse(unbound(JSON.stringify(headers))),
    body: unbound(request.body),
  };
}

/** A call's outcome, comparable across routes: its data (a Blob as its text) or its error. */
async function outcome(call: Promise<unknown>) {
  try {
    const data = await call;
    return { data: data instanceof Blob ? { blob: await data.text(), type: data.type } : data };
  } catch (error: any) {
    return { error: { name: error.name, message: error.message, status: error.status, body: error.body, requestId: error.requestId } };
  }
}

let server: Awaited<ReturnType<typeof startRecordingServer>>;
const versions: { entry: VersionEntry; document: Json; operations: OperationModel[] }[] = [];

beforeAll(async () => {
  server = await startRecordingServer((request, response) => ANSWERS[String(request.headers["x-answer"])]!(response));
  for (const { spec, model } of await shippedModels()) {
    versions.push({ entry: `${spec.api}/${spec.version}` as VersionEntry, document: model.document as unknown as Json, operations: model.operations });
  }
});
afterAll(() => server.close());

describe("a method, directly or through openapi-fetch", () => {
  it("sends the same request and makes the same result of every kind of answer, for every operation", async () => {
    let compared = 0;
    for (const { entry, document, operations } of versions) {
      const { createClient } = await loadGenerated(entry);
      const options = { baseUrl: `${server.origin}/base`, auth: { token: "t" }, headers: { "X-Team": "dba" }, retry: false };
      const [direct, through] = await Promise.all(METHOD_ROUTES.map(({ take }) => take(entry, createClient(options))));
      for (const operation of operations) {
        const input = fullInput(document, operation);
        for (const answer of Object.keys(ANSWERS)) {
          const label = `${entry} ${operation.namespace}.${operation.name}, ${answer}`;
          const results = [];
          for (const client of [direct, through]) {
            server.requests.length = 0;
            const result = await outcome(client[operation.namespace][operation.name](input, { headers: { "X-Answer": answer } }));
            expect(server.requests, label).toHaveLength(1);
            results.push({ request: sent(server.requests[0]!), result });
          }
          expect(results[0], label).toEqual(results[1]);
          compared++;
        }
      }
    }
    // Every operation of every version, each against every answer.
    expect(compared).toBe(versions.reduce((sum, v) => sum + v.operations.length, 0) * Object.keys(ANSWERS).length);
    expect(compared).toBeGreaterThan(0);
  });
});

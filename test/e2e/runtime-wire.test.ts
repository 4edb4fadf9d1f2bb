import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { fetch as undiciFetch } from "undici";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadGenerated } from "../support/generated-client.js";
import { type Handler, type RecordedRequest, startRecordingServer } from "../support/recording-server.js";

/**
 * The client sends through undici's request API, not fetch (undici-send.ts): what goes over
 * the wire and what comes back must be what fetch would make of it. Each case runs twice,
 * against a real server on 127.0.0.1: with the default transport, and with undici's own fetch
 * as the `fetch` option, which is the behaviour to keep.
 */
let pmmEntry: any;
beforeAll(async () => {
  pmmEntry = await loadGenerated("pmm/v3");
});

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** undici's fetch behind the `fetch` option, which takes the runtime's Requests. */
const throughFetch = async (request: Request): Promise<Response> => {
  const body = request.body ? await request.arrayBuffer() : undefined;
  const init = { method: request.method, headers: [...request.headers], body, redirect: "manual" as const, signal: request.signal };
  return (await undiciFetch(request.url, init)) as unknown as Response;
};

/** The default transport first, then undici's fetch: bothWays' outcomes come in this order. */
const TRANSPORT_OPTIONS = [{}, { fetch: throughFetch }];

/** Runs `call` with a client on each transport; what each sent and what it got (its value, or its error). */
async function bothWays(handler: Handler, call: (client: any) => Promise<unknown>, options: Record<string, unknown> = {}) {
  server = await startRecordingServer(handler);
  const outcomes: { sent: RecordedRequest[]; result?: unknown; error?: unknown }[] = [];
  for (const transportOptions of TRANSPORT_OPTIONS) {
    const client = pmmEntry.createClient({
      baseUrl: server.origin,
      auth: { token: "pmm-token" },
      retry: { retries: 0 },
      ...transportOptions,
      ...options,
    });
    const before = server.requests.length;
    const outcome = await call(client).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    outcomes.push({ sent: server.requests.slice(before), ...outcome });
  }
  return outcomes;
}

const NODES = { generic: [{ node_id: "n1", node_name: "db-1", address: "10.0.0.1" }] };
const ENCODERS: Record<string, (bytes: Buffer) => Buffer> = { gzip: gzipSync, "x-gzip": gzipSync, deflate: deflateSync, br: brotliCompressSync };
/** Each coding alone, two stacked (applied left to right, as the header lists them), and identity (none). */
const CODINGS = [...Object.keys(ENCODERS), "gzip, br", "identity"];

/** `bytes` encoded with the codings `header` names, in its order; unknown ones leave them as they are. */
function encoded(bytes: Buffer, header: string): Buffer {
  return header.split(",").reduce((body, coding) => ENCODERS[coding.trim()]?.(body) ?? body, bytes);
}

function answer(status: number, body: unknown, contentEncoding: string): Handler {
  return (_request, response) => {
    response.writeHead(status, { "Content-Type": "application/json", "Content-Encoding": contentEncoding });
    response.end(encoded(Buffer.from(JSON.stringify(body)), contentEncoding));
  };
}

describe("requests, as fetch sends them", () => {
  it("a GET carries the headers fetch adds (Accept, Accept-Encoding, User-Agent, …) and the client's own", async () => {
    const [direct, fetched] = await bothWays(answer(200, NODES, "identity"), (client) => client.nodes.listNodes(), {
      headers: { "X-Team": "dba" },
    });
    expect(direct!.error).toBeUndefined();
    expect(direct!.sent[0]!.headers).toMatchObject({ accept: "*/*", "accept-encoding": "gzip, deflate", "x-team": "dba" });
    expect(direct!.sent).toEqual(fetched!.sent);
  });

  it("a JSON body goes with its type and length, and a caller's Accept replaces the default one", async () => {
    const body = { generic: { node_name: "db-2", address: "10.0.0.2" } };
    const [direct, fetched] = await bothWays(answer(200, {}, "identity"), (client) =>
      client.nodes.addNode({ body }, { headers: { Accept: "application/json" } }),
    );
    expect(direct!.error).toBeUndefined();
    expect(direct!.sent[0]!.headers).toMatchObject({ accept: "application/json", "content-type": "application/json" });
    expect(JSON.parse(direct!.sent[0]!.body)).toEqual(body);
    expect(direct!.sent).toEqual(fetched!.sent);
  });
});

describe("answers, as fetch reads them", () => {
  it.each(CODINGS)("a success answer with Content-Encoding: %s is decoded", async (coding) => {
    const [direct, fetched] = await bothWays(answer(200, NODES, coding), (client) => client.nodes.listNodes());
    expect(direct!.result).toEqual(NODES);
    expect(fetched!.result).toEqual(NODES);
  });

  it("an error answer's compressed body reaches the ApiError decoded", async () => {
    const problem = { code: 5, message: "node not found" };
    const outcomes = await bothWays(answer(404, problem, "gzip"), (client) => client.nodes.listNodes());
    for (const { error } of outcomes) {
      expect(error).toBeInstanceOf(pmmEntry.ApiError);
      expect((error as { body: unknown }).body).toEqual(problem);
    }
  });

  it("a coding no one knows leaves the body as it was sent", async () => {
    const outcomes = await bothWays(answer(200, NODES, "x-unknown"), (client) => client.nodes.listNodes());
    for (const { result } of outcomes) expect(result).toEqual(NODES);
  });

  it("a compressed body is held to maxResponseBytes as it decodes, not as it was sent", async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024, "0");
    const handler: Handler = (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      response.end(gzipSync(Buffer.from(`"${zeros}"`)));
    };
    const outcomes = await bothWays(handler, (client) => client.nodes.listNodes(), { maxResponseBytes: 1024 * 1024 });
    for (const { error } of outcomes) expect(error).toBeInstanceOf(pmmEntry.ResponseTooLargeError);
  });

  it("a compressed body that is corrupt fails as a cut-off answer, and so does a pile of codings", async () => {
    const corrupt: Handler = (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      response.end(Buffer.concat([gzipSync(Buffer.from(JSON.stringify(NODES))).subarray(0, 12), Buffer.from("not gzip at all")]));
    };
    const piled = answer(200, NODES, Array(6).fill("gzip").join(", "));
    for (const handler of [corrupt, piled]) {
      const outcomes = await bothWays(handler, (client) => client.nodes.listNodes());
      for (const { error } of outcomes) expect(error).toBeInstanceOf(pmmEntry.ConnectionError);
    }
  });
});

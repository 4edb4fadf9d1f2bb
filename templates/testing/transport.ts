import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Engine, FakeAnswer, RecordedRequest } from "./engine.js";

/** Largest request body read, as a real server would limit it. */
const MAX_BODY = 16 * 1024 * 1024;

/** A request's parts as the engine reads them, from its URL, headers and body text. */
export function requestParts(method: string, url: URL, headers: Record<string, string>, text: string): Omit<RecordedRequest, "operation"> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  let body: unknown;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { method: method.toUpperCase(), path: url.pathname, query, headers, body };
}

function encode(answer: FakeAnswer): { headers: Record<string, string>; text: string | undefined } {
  if (answer.body === undefined || answer.status === 204 || answer.status === 304) return { headers: answer.headers, text: undefined };
  return { headers: { "content-type": "application/json", ...answer.headers }, text: JSON.stringify(answer.body) };
}

/** Serves the engine on 127.0.0.1 at a free port, over HTTPS when given a certificate. */
export async function listen(engine: Engine, tls: { cert: string; key: string } | undefined): Promise<{ url: string; close(): Promise<void> }> {
  const handler = (request: IncomingMessage, response: ServerResponse) => void serve(engine, request, response, tls ? "https" : "http");
  const server: Server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        engine.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(engine: Engine, request: IncomingMessage, response: ServerResponse, scheme: string): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return void response.writeHead(413).end();
      chunks.push(chunk);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    const url = new URL(request.url ?? "/", `${scheme}://${request.headers.host ?? "127.0.0.1"}`);
    const answer = await engine.handle(requestParts(request.method ?? "GET", url, headers, Buffer.concat(chunks).toString("utf8")));
    const { headers: out, text } = encode(answer);
    response.writeHead(answer.status, out);
    response.end(text);
  } catch (error) {
    // A bug of the fake must show in the test that met it, as a 500 with what went wrong.
    if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
    response.end(JSON.stringify({ message: `the fake failed: ${error instanceof Error ? error.message : String(error)}` }));
  }
}

/** A `fetch` answering from the engine, with no socket: for `createClient({ fetch })`. */
export function engineFetch(engine: Engine): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const answer = await engine.handle(requestParts(request.method, new URL(request.url), headers, await request.text()));
    const { headers: out, text } = encode(answer);
    return new Response(text ?? null, { status: answer.status, headers: out });
  };
}

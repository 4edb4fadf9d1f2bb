import type { ServerResponse } from "node:http";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGenerated } from "../support/generated-client.js";
import { type RecordedRequest, startRecordingServer } from "../support/recording-server.js";

/*
 * A server that quotes the request back in its errors, escaped its own way (#23 items 2, 4, 5):
 * whatever the escaping, the credential never reaches an error's message, body, headers or
 * inspect() output. The escapers below are written here, independently of the runtime's.
 */

/** Non-ASCII (all below U+0100, so a header can carry it too), and what JSON, HTML and URLs escape. */
const PASSWORD = 'Pässwörd & <Ëqzvxq> "42"/x';
const USER = "dba";

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, "0");
/** Python's `json.dumps` (ensure_ascii): every non-ASCII UTF-16 unit as `\u00e4`. */
const pythonJson = (text: string) => JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
/** Go's encoding/json: `&`, `<` and `>` as `\u0026`, `\u003c`, `\u003e` (non-ASCII stays). */
const goJson = (text: string) => JSON.stringify(text).replace(/[&<>]/g, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
/** An HTML page: named references, and numeric ones for non-ASCII. */
const html = (text: string) =>
  text.replace(/[&<>"]|[^\x20-\x7e]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? `&#${c.charCodeAt(0)};`);
/** A query string as a form sends it: spaces as `+`, lowercase hex as some servers write it. */
const formEncoded = (text: string) =>
  encodeURIComponent(text)
    .replace(/%20/g, "+")
    .replace(/%[0-9A-F]{2}/g, (byte) => byte.toLowerCase());
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** Each way the server below quotes the password, by name. */
const ECHOES: Record<string, (password: string) => string> = {
  "Python json.dumps": (password) => `{"username": "${USER}", "password": ${pythonJson(password)}}`,
  "Go encoding/json": (password) => `{"username":"${USER}","password":${goJson(password)}}`,
  "percent-encoding": (password) => `password=${encodeURIComponent(password)}`,
  "form encoding, lowercase hex": (password) => `password=${formEncoded(password)}`,
  "HTML escaping": (password) => `<p>password: ${html(password)}</p>`,
  "base64 of user:password": (password) => `credentials ${base64(`${USER}:${password}`)}`,
  "base64 of the password": (password) => `password ${base64(password)}`,
  "JSON-escaped, cut short": (password) => `login failed for ${pythonJson(password).slice(1, 20)}...`,
};

/** Where the echo goes: the error body's message, a text body, or a header. */
type Place = "message" | "text" | "header";

let echo: { name: string; place: Place } = { name: "", place: "message" };
/** What the server sent for the last call, to prove the echo was there to be taken out. */
let lastSent = "";
let server: Awaited<ReturnType<typeof startRecordingServer>>;

function answer(request: RecordedRequest, response: ServerResponse): void {
  const basic = String(request.headers.authorization ?? "").replace(/^Basic /, "");
  const [, password = ""] = /^[^:]*:(.*)$/s.exec(Buffer.from(basic, "base64").toString("utf8")) ?? [];
  const quoted = ECHOES[echo.name]!(password);
  lastSent = quoted;
  if (echo.place === "header") {
    // Node writes header values as latin1, undici reads them so: the echo arrives as written.
    response.writeHead(400, { "Content-Type": "application/json", "X-Echo": quoted });
    response.end(JSON.stringify({ code: 3, message: "invalid request", details: [] }));
  } else if (echo.place === "text") {
    response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    response.end(`invalid request: ${quoted}`);
  } else {
    response.writeHead(400, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ code: 3, message: `invalid request: ${quoted}`, details: [{ request: quoted }] }));
  }
}

beforeAll(async () => {
  server = await startRecordingServer(answer);
});
afterAll(() => server.close());

/** Everything a caller could print of an error. */
function printed(error: any): string[] {
  return [error.message, error.stack, inspect(error, { depth: Infinity }), JSON.stringify(error.body), JSON.stringify([...error.headers])];
}

describe("an echoed password is taken out in each encoding a server writes it", () => {
  const cases = Object.keys(ECHOES).flatMap((name) => (["message", "text", "header"] as const).map((place) => ({ name, place })));

  it.each(cases)("$name, in the $place", async ({ name, place }) => {
    const { createClient } = await loadGenerated("pmm/v3");
    const client = createClient({ baseUrl: server.origin, auth: { username: USER, password: PASSWORD }, retry: false });
    echo = { name, place };
    const error = await client.nodes.listNodes().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ApiError", status: 400 });
    expect(lastSent).toBe(ECHOES[name]!(PASSWORD));
    const texts = printed(error);
    expect(texts.join("\n")).toContain("[redacted]");
    for (const text of texts) {
      for (const marker of ["qzvxq", base64(PASSWORD).slice(4, 20), base64(`${USER}:${PASSWORD}`).slice(4, 20)]) {
        expect(text, `${marker} in ${text.slice(Math.max(0, text.indexOf(marker) - 150), text.indexOf(marker) + 50)}`).not.toContain(marker);
      }
    }
  });
});

describe("a token that cannot be a header value", () => {
  it.each(["pmm/v3", "pem/v10"] as const)("is refused by %s's createClient without quoting it, before anything is sent", async (entry) => {
    const { createClient, pathClient } = await loadGenerated(entry);
    const sent = server.requests.length;
    for (const token of ["glsa_qzvxq1\r\nX-Injected: yes", "glsa_qzvxq2\n", " glsa_qzvxq3", "glsa_qzvxq4\u0085tail", "glsa_qzvxq5€"]) {
      let thrown: unknown;
      try {
        const client = createClient({ baseUrl: server.origin, auth: { token }, retry: false });
        await pathClient(client).GET("/anything" as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(token)).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toMatch(/^auth\.token holds /);
      expect(inspect(thrown)).not.toContain("qzvxq");
      expect(inspect(thrown)).not.toContain("Injected");
    }
    expect(server.requests.length).toBe(sent);
  });
});

describe("an X-Request-Id", () => {
  it("goes into ApiError bounded and escaped: 12 KB with C1 controls", async () => {
    const id = `req-\u009b31m-${"a".repeat(12_000)}`;
    const hostile = await startRecordingServer((_request, response) => {
      // Node writes a header as latin1: U+009B goes out as the single byte a terminal reads as CSI.
      response.writeHead(500, { "Content-Type": "application/json", "X-Request-Id": id });
      response.end(JSON.stringify({ code: 13, message: "internal" }));
    });
    try {
      const { createClient } = await loadGenerated("pmm/v3");
      const client = createClient({ baseUrl: hostile.origin, auth: { token: "glsa_request_id_test" }, retry: false });
      const error = (await client.nodes.listNodes().catch((e: unknown) => e)) as { message: string; requestId: string; headers: Headers };
      expect(error.headers.get("x-request-id")).toBe(id);
      expect(error.requestId.length).toBeLessThanOrEqual(128);
      expect(error.requestId).toMatch(/^req-\\u009b31m-a+\.\.\.$/);
      expect(error.message).not.toContain("\u009b");
      expect(error.message.length).toBeLessThan(400);
    } finally {
      await hostile.close();
    }
  });
});

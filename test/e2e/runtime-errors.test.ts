import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { startFakePem } from "../../generated/testing/index.js";
import { RUNTIME_ERRORS } from "../../generator/normalize/public-names.js";
import { loadGenerated } from "../support/generated-client.js";
import { GENERATED_DIR } from "../support/paths.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";

/** One base class for every runtime error, ApiError's headers, and the status of an AuthenticationError that a 401 ended in. */
const runtime = await import(pathToFileURL(path.join(GENERATED_DIR, "runtime", "index.js")).href);
const { PemPmmClientError } = runtime;

let servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe("the error hierarchy", () => {
  it("has PemPmmClientError under every error class a version entry exports", async () => {
    const entry = await loadGenerated("pmm/v3");
    expect(PemPmmClientError.prototype).toBeInstanceOf(Error);
    for (const name of RUNTIME_ERRORS) {
      expect(entry[name], name).toBe(runtime[name]);
      // The base itself joins the list once the version entries export it too.
      expect(entry[name] === PemPmmClientError || entry[name].prototype instanceof PemPmmClientError, name).toBe(true);
    }
  });

  it("gives ApiError the answer's headers, with tokens, cookies and the client's secrets redacted", async () => {
    const token = "glsa_TokenThatMustNotLeak_42";
    const server = await startRecordingServer((request, response) =>
      sendJson(
        response,
        429,
        { code: 8, message: "slow down" },
        {
          "Retry-After": "7",
          "X-Request-Id": "req-1",
          "Set-Cookie": "grafana_session=cookie-value",
          "X-Subject-Token": "another-token",
          "X-Echo": `got ${String(request.headers.authorization)}`,
        },
      ),
    );
    servers.push(server);
    const { createClient, ApiError } = await loadGenerated("pmm/v3");
    const pmm = createClient({ baseUrl: server.origin, auth: { token }, retry: false });
    const error = await pmm.server.version().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(PemPmmClientError);
    expect(error.headers).toBeInstanceOf(Headers);
    expect(error.headers.get("retry-after")).toBe("7");
    expect(error).toMatchObject({ status: 429, requestId: "req-1" });
    expect(error.headers.get("set-cookie")).toBe("[redacted]");
    expect(error.headers.get("x-subject-token")).toBe("[redacted]");
    expect(error.headers.get("x-echo")).toBe("got Bearer [redacted]");
  });

  it("keeps the status of a PEM login answered 401 on the AuthenticationError", async () => {
    const pem = await startFakePem({ version: "v10" });
    servers.push(pem);
    const { createClient, AuthenticationError } = await loadGenerated("pem/v10");
    const client = createClient({ baseUrl: pem.url, auth: { username: pem.users[0]!.username, password: "wrong" } });
    const error = await client.server.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(PemPmmClientError);
    expect(error.status).toBe(401);
  });

  it("keeps the status of a caller's PEM token answered 401 on the AuthenticationError", async () => {
    const pem = await startFakePem({ version: "v10" });
    servers.push(pem);
    const { createClient, AuthenticationError } = await loadGenerated("pem/v10");
    const client = createClient({ baseUrl: pem.url, auth: { token: "expired-token" } });
    const error = await client.server.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(pem.requests.filter((r) => r.operation === "token.create")).toHaveLength(0);
  });
});

import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { type FakePem, startFakePem as startKitPem } from "../../generated/testing/index.js";
import { pemEndpointCandidates } from "../../templates/runtime/auth/pem-location.js";
import { PemTokenSession, type TokenCall } from "../../templates/runtime/auth/pem-token.js";
import { AuthenticationError, ConnectionError, TimeoutError } from "../../templates/runtime/errors.js";
import type { PemAuth } from "../../templates/runtime/options.js";
import { recordingLogger } from "../support/generated-client.js";

/** PemTokenSession's state (the token in use, the login under way, release), driven directly against a fake PEM on 127.0.0.1. */
let pem: FakePem | undefined;

/** The test kit's fake PEM v10; `loginDelayMs` makes the first login answer only after that long. */
async function startFakePem(loginDelayMs = 0): Promise<FakePem> {
  const fake = await startKitPem({ version: "v10" });
  if (loginDelayMs > 0) fake.fail({ operation: "token.create", delayMs: loginDelayMs });
  return fake;
}
const logins = () => pem!.requests.filter((r) => r.operation === "token.create").length;
afterEach(async () => {
  await pem?.close();
  pem = undefined;
});

function session(auth: PemAuth = pem!.users[0]!, timeoutMs = 5_000) {
  const endpoints = pemEndpointCandidates({ origin: pem!.url, specBasePath: "/api/v10" });
  return new PemTokenSession({
    auth,
    endpoints,
    apiVersion: "v10",
    refreshMarginMs: 60_000,
    timeoutMs,
    fetch: (request) => fetch(request),
    logger: recordingLogger().logger,
    closed: new AbortController().signal,
  });
}

const call = (): TokenCall => ({ method: "GET", path: "/server/", signal: new AbortController().signal, startedAt: performance.now() });
const releases = () => pem!.requests.filter((r) => r.operation === "token.delete").map((r) => r.headers["x-auth-token"]);

describe("PemTokenSession", () => {
  it("logs in once and reuses the token while it is valid", async () => {
    pem = await startFakePem();
    const s = session();
    const first = await s.token(call());
    expect(first).toBe(pem.issuedTokens[0]);
    // A usable token is returned at once, without a promise or a login.
    expect(s.token(call())).toBe(first);
    expect(logins()).toBe(1);
  });

  it("shares one pending login among concurrent calls, and keeps its token for later ones", async () => {
    pem = await startFakePem(150);
    const s = session();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => s.token(call())));
    expect(new Set(tokens)).toEqual(new Set([pem.issuedTokens[0]]));
    expect(logins()).toBe(1);
    expect(s.token(call())).toBe(pem.issuedTokens[0]);
  });

  it("lets a caller stop waiting at its deadline while the login goes on for the others", async () => {
    pem = await startFakePem(300);
    const s = session(undefined, 100);
    const waiting = s.token(call());
    const patient = s.token({ ...call(), startedAt: performance.now() + 1_000 });
    await expect(waiting).rejects.toBeInstanceOf(TimeoutError);
    expect(await patient).toBe(pem.issuedTokens[0]);
    expect(logins()).toBe(1);
  });

  it("releases the token at logout, and the next call logs in again", async () => {
    pem = await startFakePem();
    const s = session();
    const first = await s.token(call());
    await s.logout();
    expect(releases()).toEqual([first]);
    const second = await s.token(call());
    expect(second).not.toBe(first);
    expect(logins()).toBe(2);
  });

  it("releases the token of a login under way at logout", async () => {
    pem = await startFakePem(150);
    const s = session();
    const arriving = s.token(call());
    await s.logout();
    expect(releases()).toEqual([await arriving]);
    expect(pem.issuedTokens).toEqual([await arriving]);
  });

  it("uses a caller's token without logging in, and cannot log in once logout() released it", async () => {
    pem = await startFakePem();
    const issued = await session().token(call());
    const s = session({ token: issued });
    expect(s.token(call())).toBe(issued);
    await s.logout();
    expect(releases()).toEqual([issued]);
    const error = await Promise.resolve()
      .then(() => s.token(call()))
      .catch((e: unknown) => e);
    // Nothing was sent, so no answer rejected anything: the client, like a closed one, cannot call.
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect((error as ConnectionError).message).toContain("released by logout()");
    expect(logins()).toBe(1);
  });

  it("names the password and the token in use as secrets, and shows neither in inspect()", async () => {
    pem = await startFakePem();
    const s = session();
    const token = await s.token(call());
    expect(s.secrets()).toEqual([pem.users[0]!.password, token]);
    const shown = inspect(s, { depth: Infinity, showHidden: true });
    expect(shown).not.toContain(pem.users[0]!.password);
    expect(shown).not.toContain(token);
  });
});

import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { ServerOptions as HttpsOptions } from "node:https";
import { type RecordedRequest, sendJson, startRecordingServer } from "./recording-server.js";

export interface FakePemOptions {
  username?: string;
  password?: string;
  /** Token lifetime the server reports in `expiresAt` (ms); undefined: no body at all. */
  lifetimeMs?: number | undefined;
  supportedVersions?: string[];
  deprecatedVersions?: string[];
  /** Prefix under which the API is served: `/api` or `/pem/api`. */
  prefix?: string;
  /** Serve HTTPS with these certificate settings. */
  tls?: HttpsOptions;
  /** Data operations answered beyond the built-in server list and update. */
  routes?: FakeRoute[];
}

/** One data operation of the fake: a request matching `method` and `path` gets `body` with `status` (200). */
export interface FakeRoute {
  method: string;
  /** Matched against the whole request path, prefix and version included. */
  path: RegExp;
  body: unknown;
  status?: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/** A route's path pattern for a spec's path template served under `base` (`/pem/api/v17`). */
export function routePattern(base: string, template: string): RegExp {
  return new RegExp(
    `^${escapeRegExp(base)}${template
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join("[^/]+")}$`,
  );
}

/**
 * Hand-made, beside the test kit's fake (pem-pmm-client/testing, which runtime-pem-session and
 * runtime-errors use): the runtime's own tests need PEM servers the kit does not model on
 * purpose, since users' tests have no use for them: logins answered without a body or with
 * other version lists, 503s with a chosen Retry-After, redirects, every token refused, and
 * answers chosen by the test (`routes`) for paths outside a spec or bodies it then compares.
 *
 * A PEM server on 127.0.0.1 that follows the documented token semantics: `POST …/token/`
 * answers 201 with `X-Subject-Token` and `expiresAt`; data calls need a live, unexpired token
 * in `X-Auth-Token` (401 otherwise); `DELETE …/token/` releases it (204).
 */
export async function startFakePem(options: FakePemOptions = {}) {
  const { username = "pemuser", password = "correct horse battery staple" } = options;
  /** Live tokens and when they expire (ms since the epoch). */
  const live = new Map<string, number>();
  const state = {
    /** Where the API is served (`/api` or `/pem/api`); a test may move it. */
    prefix: options.prefix ?? "/api",
    logins: 0,
    /** Answer each login only after this many ms. */
    loginDelayMs: 0,
    /** Answer the next N logins with 503 and `Retry-After: 0`. */
    loginsUnavailable: 0,
    /** Answer requests for `from` with a 307 to `to`. */
    redirect: undefined as { from: string; to: string } | undefined,
    /** Answer the next N data requests with 503 and this Retry-After. */
    unavailable: { count: 0, retryAfter: "0" },
    /** Reject every data call with 401, whatever the token. */
    rejectAll: false,
    issued: [] as string[],
  };

  const server = await startRecordingServer(async (request: RecordedRequest, response: ServerResponse) => {
    const tokenPath = `${state.prefix}/token/`;
    const route = options.routes?.find((r) => r.method === request.method && r.path.test(request.path));
    // The token API answers only in the layout this server serves (`/api/…` or `/pem/api/…`), unless a route says otherwise.
    if (request.path.endsWith("/token/") && request.path !== tokenPath)
      return route ? sendJson(response, route.status ?? 200, route.body) : sendJson(response, 404, { message: "not found" });
    if (request.path === tokenPath && request.method === "POST") {
      state.logins++;
      if (state.loginDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.loginDelayMs));
      if (state.loginsUnavailable > 0) {
        state.loginsUnavailable--;
        return sendJson(response, 503, { message: "PEM backend database server is down." }, { "Retry-After": "0" });
      }
      const credentials = JSON.parse(request.body || "{}");
      if (credentials.username !== username || credentials.password !== password)
        return sendJson(response, 401, { message: "The given information is not valid." });
      const token = randomUUID();
      live.set(token, Date.now() + (options.lifetimeMs ?? 20 * 60_000));
      state.issued.push(token);
      if (options.lifetimeMs === undefined && "lifetimeMs" in options) {
        response.writeHead(201, { "X-Subject-Token": token });
        return void response.end();
      }
      const issuedAt = new Date();
      return sendJson(
        response,
        201,
        {
          issuedAt: issuedAt.toISOString(),
          expiresAt: new Date(issuedAt.getTime() + (options.lifetimeMs ?? 20 * 60_000)).toISOString(),
          supported_api_versions: options.supportedVersions ?? ["v9", "v10"],
          deprecated_api_versions: options.deprecatedVersions ?? [],
        },
        { "X-Subject-Token": token },
      );
    }
    const token = String(request.headers["x-auth-token"] ?? "");
    if (request.path === tokenPath && request.method === "DELETE") {
      if (!live.delete(token)) return sendJson(response, 401, {});
      response.writeHead(204);
      return void response.end();
    }
    if (state.unavailable.count > 0) {
      state.unavailable.count--;
      return sendJson(response, 503, { message: "PEM backend database server is down." }, { "Retry-After": state.unavailable.retryAfter });
    }
    if (state.redirect?.from === request.path) {
      response.writeHead(307, { Location: state.redirect.to });
      return void response.end();
    }
    if (state.rejectAll || !((live.get(token) ?? 0) > Date.now())) return sendJson(response, 401, { message: "Invalid token" });
    if (route) return sendJson(response, route.status ?? 200, route.body);
    const match = /^\/(?:pem\/)?api\/(v\d+)\/server\/(.*)$/.exec(request.path);
    if (match && request.method === "GET" && match[2] === "") return sendJson(response, 200, [{ id: 1, name: "PEM Server" }]);
    if (match && request.method === "PUT") {
      response.writeHead(200);
      return void response.end();
    }
    sendJson(response, 404, { message: "not found" });
  }, options.tls);

  return {
    ...server,
    state,
    username,
    password,
    /** Forgets every token, as a PEM restart or an expiry would. */
    revokeAll: () => live.clear(),
    dataRequests: () => server.requests.filter((r) => !r.path.endsWith("/token/")),
  };
}

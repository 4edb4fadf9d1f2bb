import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startRecordingServer, type RecordedRequest } from "./recording-server.js";

export interface FakePemOptions {
  username?: string;
  password?: string;
  /** Token lifetime the server reports in `expiresAt` (ms); undefined: no body at all. */
  lifetimeMs?: number | undefined;
  supportedVersions?: string[];
  deprecatedVersions?: string[];
  /** Prefix under which the API is served: `/api` or `/pem/api`. */
  prefix?: string;
}

/**
 * A PEM server on 127.0.0.1 that follows the documented token semantics: `POST …/token/`
 * answers 201 with `X-Subject-Token` and `expiresAt`; data calls need a live token in
 * `X-Auth-Token` (401 otherwise); `DELETE …/token/` releases it (204).
 */
export async function startFakePem(options: FakePemOptions = {}) {
  const { username = "pemuser", password = "correct horse battery staple", prefix = "/api" } = options;
  const live = new Set<string>();
  const state = {
    logins: 0,
    /** Answer the next N data requests with 503 and this Retry-After. */
    unavailable: { count: 0, retryAfter: "0" },
    /** Reject every data call with 401, whatever the token. */
    rejectAll: false,
    issued: [] as string[],
  };

  const server = await startRecordingServer(async (request: RecordedRequest, response: ServerResponse) => {
    const tokenPath = `${prefix}/token/`;
    if (request.path === tokenPath && request.method === "POST") {
      state.logins++;
      const credentials = JSON.parse(request.body || "{}");
      if (credentials.username !== username || credentials.password !== password) return sendJson(response, 401, { message: "The given information is not valid." });
      const token = randomUUID();
      live.add(token);
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
    if (state.rejectAll || !live.has(token)) return sendJson(response, 401, { message: "Invalid token" });
    const match = /^\/(?:pem\/)?api\/(v\d+)\/server\/(.*)$/.exec(request.path);
    if (match && request.method === "GET" && match[2] === "") return sendJson(response, 200, [{ id: 1, name: "PEM Server" }]);
    if (match && request.method === "PUT") {
      response.writeHead(200);
      return void response.end();
    }
    sendJson(response, 404, { message: "not found" });
  });

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

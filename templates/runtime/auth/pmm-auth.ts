import type { Middleware } from "openapi-fetch";
import type { PmmAuth } from "../options.js";

/** PMM: one `Authorization` header per client, computed once. */
export function pmmAuthMiddleware(auth: PmmAuth): Middleware {
  const authorization = authorizationHeader(auth);
  return {
    onRequest({ request }) {
      request.headers.set("Authorization", authorization);
      return request;
    },
  };
}

function authorizationHeader(auth: PmmAuth): string {
  if ("token" in auth) return `Bearer ${auth.token}`;
  if ("apiKey" in auth) return `Basic ${base64(`api_key:${auth.apiKey}`)}`;
  return `Basic ${base64(`${auth.username}:${auth.password}`)}`;
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

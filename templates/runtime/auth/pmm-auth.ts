import type { PmmAuth } from "../options.js";
import { assertHeaderCredential } from "../security.js";
import type { Credentials } from "./login-kinds.js";

/** PMM: one `Authorization` header per client, computed once. */
export function pmmCredentials(auth: PmmAuth): Credentials {
  return { headers: { Authorization: authorizationHeader(auth) } };
}

/** What a PMM answer may echo of the credentials, to take out of error bodies: the header's encoded part and what the caller gave. */
export function pmmSecrets(auth: PmmAuth): string[] {
  const authorization = authorizationHeader(auth);
  const given = "token" in auth ? auth.token : "apiKey" in auth ? auth.apiKey : auth.password;
  return [authorization.slice(authorization.indexOf(" ") + 1), given];
}

function authorizationHeader(auth: PmmAuth): string {
  if ("token" in auth) {
    assertHeaderCredential("auth.token", auth.token);
    return `Bearer ${auth.token}`;
  }
  if ("apiKey" in auth) return `Basic ${base64(`api_key:${auth.apiKey}`)}`;
  return `Basic ${base64(`${auth.username}:${auth.password}`)}`;
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

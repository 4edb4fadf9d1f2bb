import type { Middleware } from "openapi-fetch";
import { AuthenticationError } from "../errors.js";
import type { FetchFunction, PemAuth } from "../options.js";

export const PEM_TOKEN_HEADER = "X-Auth-Token";

/**
 * PEM: logs in through the token API (`POST …/token/`, token in `X-Subject-Token`) and
 * sends the token as `X-Auth-Token`. Credentials live only in this closure.
 */
export function pemTokenAuth(auth: PemAuth, tokenUrl: string, fetchFn: FetchFunction) {
  let token: string | undefined = "token" in auth ? auth.token : undefined;
  let pending: Promise<string> | undefined;

  async function login(): Promise<string> {
    if (!("username" in auth)) throw new AuthenticationError("The PEM token was rejected and no username/password was given to log in again.");
    const response = await fetchFn(
      new Request(tokenUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ username: auth.username, password: auth.password }),
      }),
    );
    const issued = response.headers.get("X-Subject-Token");
    await response.body?.cancel();
    if (response.status !== 201 && response.status !== 200) {
      throw new AuthenticationError(`PEM login (POST ${new URL(tokenUrl).pathname}) failed with HTTP ${response.status}.`, response.status);
    }
    if (!issued) throw new AuthenticationError(`PEM login (POST ${new URL(tokenUrl).pathname}) returned no X-Subject-Token header.`, response.status);
    return issued;
  }

  /** The current token; concurrent callers share one login. */
  function currentToken(): Promise<string> {
    if (token) return Promise.resolve(token);
    pending ??= login()
      .then((issued) => (token = issued))
      .finally(() => (pending = undefined));
    return pending;
  }

  const middleware: Middleware = {
    async onRequest({ request }) {
      request.headers.set(PEM_TOKEN_HEADER, await currentToken());
      return request;
    },
  };
  return { middleware };
}

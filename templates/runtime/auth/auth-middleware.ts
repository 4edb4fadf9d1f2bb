import type { Middleware } from "openapi-fetch";
import { rememberRequest } from "../transport/request-context.js";
import type { AuthCall, ClientAuth, Credentials } from "./login-kinds.js";
import { relocate } from "./pem-location.js";

/** A request as it was sent: its call, its credentials, and a copy to send once more (when the auth may ask for that). */
interface Sent {
  call: AuthCall;
  used: Credentials;
  replay: Request | undefined;
}

/**
 * openapi-fetch middleware that sends its calls with the client's credentials, as the methods
 * send theirs (direct-request.ts): the headers, the base URL of a PEM layout found at the
 * first login, and one more sending when the auth asks for it after an answer (PEM's 401).
 */
export function authMiddleware(auth: ClientAuth & Required<Pick<ClientAuth, "credentials">>, baseUrl: string): Middleware {
  const sent = new WeakMap<Request, Sent>();
  return {
    async onRequest({ request, schemaPath }) {
      const call: AuthCall = { method: request.method, path: schemaPath, url: request.url, signal: request.signal, startedAt: performance.now() };
      const used = await auth.credentials(call);
      if (used.baseUrl) request = await relocate(request, baseUrl, used.baseUrl);
      for (const [name, value] of Object.entries(used.headers)) request.headers.set(name, value);
      sent.set(request, { call, used, replay: auth.afterAnswer ? request.clone() : undefined });
      return rememberRequest(request, { path: schemaPath, startedAt: call.startedAt });
    },
    async onResponse({ request, response, options }) {
      const record = sent.get(request);
      if (!record?.replay || !auth.afterAnswer) return undefined;
      const { call, replay } = record;
      const fresh = await auth.afterAnswer(call, response, record.used, false);
      if (!fresh) return undefined;
      for (const [name, value] of Object.entries(fresh.headers)) replay.headers.set(name, value);
      const second = await options.fetch(rememberRequest(replay, { path: call.path, startedAt: call.startedAt }));
      await auth.afterAnswer(call, second, fresh, true);
      return second;
    },
  };
}

import type { Middleware } from "openapi-fetch";

/**
 * What the transport needs to know about a request beyond the Request itself: the path
 * template (for error messages without ids), whether repeating it is safe, and when the
 * call began, if that was before the request reached the transport (a PEM call that waited
 * for a login), so that one deadline covers the whole call.
 */
export interface RequestContext {
  path: string;
  retrySafe?: boolean;
  /** `performance.now()` when the call began. */
  startedAt?: number;
  /** Sent even by a closed client: the token release that closing it makes. */
  evenIfClosed?: boolean;
}

const contexts = new WeakMap<Request, RequestContext>();

export function rememberRequest(request: Request, context: RequestContext): Request {
  contexts.set(request, context);
  return request;
}

export function requestContext(request: Request): RequestContext {
  return contexts.get(request) ?? { path: new URL(request.url).pathname };
}

/** Registered last, so it sees the request that is actually sent. */
export const requestContextMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    const earlier = contexts.get(request);
    rememberRequest(request, earlier ? { ...earlier, path: schemaPath } : { path: schemaPath });
  },
};

import type { Middleware } from "openapi-fetch";

/**
 * What the transport needs to know about a request beyond the Request itself: the path
 * template (for error messages without ids) and whether repeating it is safe.
 */
interface RequestContext {
  path: string;
  retrySafe?: boolean;
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
    rememberRequest(request, { path: schemaPath });
  },
};

import type { Middleware } from "openapi-fetch";
/**
 * What the transport needs to know about a request beyond the Request itself: the path
 * template (for error messages without ids) and whether repeating it is safe.
 */
interface RequestContext {
    path: string;
    retrySafe?: boolean;
}
export declare function rememberRequest(request: Request, context: RequestContext): Request;
export declare function requestContext(request: Request): RequestContext;
/** Registered last, so it sees the request that is actually sent. */
export declare const requestContextMiddleware: Middleware;
export {};

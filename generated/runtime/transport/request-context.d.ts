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
export declare function rememberRequest(request: Request, context: RequestContext): Request;
export declare function requestContext(request: Request): RequestContext;
/** Registered last, so it sees the request that is actually sent. */
export declare const requestContextMiddleware: Middleware;

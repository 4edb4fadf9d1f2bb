const contexts = new WeakMap();
export function rememberRequest(request, context) {
    contexts.set(request, context);
    return request;
}
export function requestContext(request) {
    return contexts.get(request) ?? { path: new URL(request.url).pathname };
}
/** Registered last, so it sees the request that is actually sent. */
export const requestContextMiddleware = {
    onRequest({ request, schemaPath }) {
        const earlier = contexts.get(request);
        rememberRequest(request, earlier ? { ...earlier, path: schemaPath } : { path: schemaPath });
    },
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Headers that describe a body, dropped when a redirect turns the call into a GET. */
const BODY_HEADERS = ["Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Location"];
/**
 * Follows redirects within the request's origin only. Requests carry credentials
 * (`X-Auth-Token`, `Authorization`) that fetch would forward to any origin a redirect
 * names, so a redirect elsewhere is not followed: its response goes back to the caller.
 */
export function followSameOriginRedirects(send, logger) {
    return async (outgoing, signal) => {
        let response = await send(outgoing, signal);
        for (let hops = 0; hops < MAX_REDIRECTS && REDIRECT_STATUSES.has(response.status); hops++) {
            const location = response.headers.get("Location");
            if (!location)
                return response;
            const from = new URL(outgoing.url);
            const target = new URL(location, from);
            if (target.origin !== from.origin) {
                logger.warn(`${outgoing.method} answered HTTP ${response.status} with a redirect from ${from.origin} to ${target.origin}; not followed, so that credentials stay with ${from.origin}. Point baseUrl at the server that answers.`);
                return response;
            }
            await response.body?.cancel();
            // As fetch does: 303, and 301/302 after a POST, become a GET without a body.
            const { method } = outgoing;
            const becomesGet = method !== "GET" && method !== "HEAD" && (response.status === 303 || (response.status !== 307 && response.status !== 308 && method === "POST"));
            const headers = new Headers(outgoing.headers);
            if (becomesGet)
                for (const name of BODY_HEADERS)
                    headers.delete(name);
            outgoing = { method: becomesGet ? "GET" : method, url: target.href, headers, body: becomesGet ? undefined : outgoing.body };
            response = await send(outgoing, signal);
        }
        if (REDIRECT_STATUSES.has(response.status)) {
            logger.warn(`${outgoing.method} was redirected ${MAX_REDIRECTS} times within ${new URL(outgoing.url).origin}; not following more. Check the server's redirects, or point baseUrl at the final location.`);
        }
        return response;
    };
}

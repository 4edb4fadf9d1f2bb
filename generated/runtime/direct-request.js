import { createFinalURL, createQuerySerializer, defaultBodySerializer, defaultPathSerializer, mergeHeaders } from "openapi-fetch";
import { relocatedUrl } from "./auth/pem-location.js";
import { readText, watchBody } from "./transport/response-body.js";
/**
 * The methods' way to the server without openapi-fetch's client: the request it would build
 * (its own serializers, its order of headers), sent through the transport with no `Request`
 * object, no middleware loop and no second stream around the answer's body, and the answer
 * read as openapi-fetch reads it. The methods take it while the caller has registered no
 * middleware of their own (`pathClient(client).use`), which sees openapi-fetch's Requests.
 */
export function directRequest(settings) {
    const { baseUrl, auth, transport } = settings;
    const clientHeaders = settings.headers;
    const querySerializer = createQuerySerializer();
    return async (method, path, init = {}) => {
        const { params = {}, body, bodySerializer = defaultBodySerializer, headers, parseAs = "json", signal } = init;
        const headerParams = params.header;
        // Normalized as a Request would have it, so that errors and redirects see the same URL either way.
        const url = new URL(createFinalURL(path, { baseUrl, params, querySerializer, pathSerializer: defaultPathSerializer })).href;
        const serialized = body === undefined ? undefined : bodySerializer(body, mergeHeaders(clientHeaders, headers, headerParams));
        const jsonType = serialized === undefined || serialized instanceof FormData ? {} : { "Content-Type": "application/json" };
        const sentHeaders = mergeHeaders(jsonType, clientHeaders, headers, headerParams);
        const encoded = await encodedBody(serialized, sentHeaders);
        const call = { method, path, url, signal, startedAt: performance.now() };
        const context = { path, startedAt: call.startedAt };
        const send = (used) => {
            for (const [name, value] of Object.entries(used?.headers ?? {}))
                sentHeaders.set(name, value);
            const to = used?.baseUrl ? relocatedUrl(url, baseUrl, used.baseUrl) : url;
            return transport.exchange({ method, url: to, headers: sentHeaders, body: encoded }, context, signal);
        };
        const used = auth.credentials ? await auth.credentials(call) : undefined;
        const first = await send(used);
        if (first.response.ok || !auth.afterAnswer || !used)
            return resultOf(first, method, parseAs);
        // An error answer that the auth reads (PEM's 401): its body is counted as it is read, and cancelling it ends the call.
        const answer = watchBody(first.response, first.watch);
        const fresh = await auth.afterAnswer(call, answer, used, false);
        if (!fresh)
            return resultOf({ ...first, response: answer }, method, parseAs);
        const second = await send(fresh);
        const replayed = second.response.ok ? second.response : watchBody(second.response, second.watch);
        await auth.afterAnswer(call, replayed, fresh, true);
        return resultOf({ ...second, response: replayed }, method, parseAs);
    };
}
/** A form's bytes and its `Content-Type` (with the multipart boundary), as a Request would encode it; other bodies as they are. */
async function encodedBody(serialized, headers) {
    if (serialized === undefined)
        return undefined;
    if (!(serialized instanceof FormData))
        return serialized;
    const form = new Response(serialized);
    if (!headers.has("Content-Type"))
        headers.set("Content-Type", form.headers.get("Content-Type"));
    return form.arrayBuffer();
}
/** The answer read as openapi-fetch reads it; the body is counted and the call settled (response-body.ts). */
async function resultOf({ response, watch }, method, parseAs) {
    const contentLength = response.headers.get("Content-Length");
    if (response.status === 204 || method === "HEAD" || (contentLength === "0" && !response.headers.get("Transfer-Encoding")?.includes("chunked"))) {
        watch.settle();
        void response.body?.cancel().catch(() => undefined);
        return response.ok ? { data: undefined, response } : { error: undefined, response };
    }
    if (!response.ok) {
        const text = await readText(response, watch);
        try {
            return { error: JSON.parse(text), response };
        }
        catch {
            return { error: text, response };
        }
    }
    if (parseAs === "text" || parseAs === "json") {
        const text = await readText(response, watch);
        return { data: parseAs === "text" ? text : text ? JSON.parse(text) : undefined, response };
    }
    const watched = watchBody(response, watch);
    return { data: parseAs === "stream" ? watched.body : await watched[parseAs](), response: watched };
}

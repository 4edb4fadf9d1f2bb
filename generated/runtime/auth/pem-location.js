import { atOrigin } from "../base-url.js";
/** Statuses that say "nothing here": the login is tried at the next layout. */
const NOT_HERE = new Set([404, 405, 410]);
/** Whether an answer says there is nothing at that path. */
export function isNotHere(response) {
    return NOT_HERE.has(response.status);
}
/**
 * Whether a login answer came from PEM's token API: a token, or a verdict on the credentials.
 * A success without a token is a web page that answers every path.
 */
export function isTokenApi(response) {
    return response.headers.has("X-Subject-Token") || response.status === 401 || response.status === 403;
}
/** A login answer that sends the client on to the next layout: nothing there, or a web page that answers every path (a failure such as 503 is the token API's own). */
export function notTheTokenApi(response) {
    return isNotHere(response) || (response.ok && !isTokenApi(response));
}
/** PEM's token API sits beside the versioned data APIs: `…/api/v10` → `…/api/token/`. */
export function defaultTokenUrl(baseUrl) {
    return `${baseUrl.replace(/\/v\d+$/, "")}/token/`;
}
/**
 * The layouts to try, in order. An explicit path in `baseUrl` or `tokenUrl` is the only
 * candidate; an origin alone gives the spec's layout first and the other one second.
 */
export function pemEndpointCandidates(settings) {
    const { origin, explicitBaseUrl, tokenUrl, specBasePath } = settings;
    if (explicitBaseUrl)
        return [endpoints(explicitBaseUrl, tokenUrl?.href ?? defaultTokenUrl(explicitBaseUrl))];
    const version = /\/(v\d+)$/.exec(specBasePath)?.[1];
    if (tokenUrl) {
        // The versioned API sits beside the token API the caller named.
        const apiRoot = /^(.*)\/token\/?$/.exec(tokenUrl.pathname)?.[1];
        return [endpoints(atOrigin(origin, apiRoot !== undefined && version ? `${apiRoot}/${version}` : specBasePath, "baseUrl"), tokenUrl.href)];
    }
    const layouts = [specBasePath];
    if (/^\/api\//.test(specBasePath))
        layouts.push(`/pem${specBasePath}`);
    else if (/^\/pem\/api\//.test(specBasePath))
        layouts.push(specBasePath.slice("/pem".length));
    return layouts.map((path) => {
        const baseUrl = atOrigin(origin, path, "baseUrl");
        return endpoints(baseUrl, defaultTokenUrl(baseUrl));
    });
}
function endpoints(baseUrl, tokenUrl) {
    return { baseUrl, tokenUrl, tokenPath: new URL(tokenUrl).pathname };
}
/**
 * A URL under another base URL; openapi-fetch (or the methods, as it does) has put the first
 * candidate's base in front of every path, before the login told which layout is right.
 */
export function relocatedUrl(url, from, to) {
    return from === to || !url.startsWith(`${from}/`) ? url : to + url.slice(from.length);
}
/** The same request sent under another base URL (relocatedUrl). */
export async function relocate(request, from, to) {
    const url = relocatedUrl(request.url, from, to);
    if (url === request.url)
        return request;
    const body = request.body ? await request.arrayBuffer() : undefined;
    return new Request(url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
        redirect: request.redirect,
    });
}

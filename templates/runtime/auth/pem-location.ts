import { atOrigin } from "../base-url.js";

/*
 * Where a PEM server serves its REST APIs. EDB's pages disagree (`https://HOST/api/v10` in
 * older ones, `https://HOST/pem/api/v10` in newer ones), so a client given an origin alone
 * tries both at its first login and keeps the one whose token endpoint answers.
 */

/** One layout: the versioned API's base URL and the token API beside it. */
export interface PemEndpoints {
  baseUrl: string;
  tokenUrl: string;
  /** The token URL's path, as messages and logs name it. */
  tokenPath: string;
}

/** Statuses that say "nothing here": the login is tried at the next layout. */
const NOT_HERE = new Set([404, 405, 410]);

/** Whether an answer says there is nothing at that path. */
export function isNotHere(response: Response): boolean {
  return NOT_HERE.has(response.status);
}

/**
 * Whether a login answer came from PEM's token API: a token, or a verdict on the credentials.
 * A success without a token is a web page that answers every path.
 */
export function isTokenApi(response: Response): boolean {
  return response.headers.has("X-Subject-Token") || response.status === 401 || response.status === 403;
}

/** A login answer that sends the client on to the next layout: nothing there, or a web page that answers every path (a failure such as 503 is the token API's own). */
export function notTheTokenApi(response: Response): boolean {
  return isNotHere(response) || (response.ok && !isTokenApi(response));
}

/** PEM's token API sits beside the versioned data APIs: `…/api/v10` → `…/api/token/`. */
export function defaultTokenUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/v\d+$/, "")}/token/`;
}

/**
 * The layouts to try, in order. An explicit path in `baseUrl` or `tokenUrl` is the only
 * candidate; an origin alone gives the spec's layout first and the other one second.
 */
export function pemEndpointCandidates(settings: {
  origin: string;
  explicitBaseUrl?: string | undefined;
  tokenUrl?: URL | undefined;
  specBasePath: string;
}): PemEndpoints[] {
  const { origin, explicitBaseUrl, tokenUrl, specBasePath } = settings;
  if (explicitBaseUrl) return [endpoints(explicitBaseUrl, tokenUrl?.href ?? defaultTokenUrl(explicitBaseUrl))];
  const version = /\/(v\d+)$/.exec(specBasePath)?.[1];
  if (tokenUrl) {
    // The versioned API sits beside the token API the caller named.
    const apiRoot = /^(.*)\/token\/?$/.exec(tokenUrl.pathname)?.[1];
    return [endpoints(atOrigin(origin, apiRoot !== undefined && version ? `${apiRoot}/${version}` : specBasePath, "baseUrl"), tokenUrl.href)];
  }
  const layouts = [specBasePath];
  if (/^\/api\//.test(specBasePath)) layouts.push(`/pem${specBasePath}`);
  else if (/^\/pem\/api\//.test(specBasePath)) layouts.push(specBasePath.slice("/pem".length));
  return layouts.map((path) => {
    const baseUrl = atOrigin(origin, path, "baseUrl");
    return endpoints(baseUrl, defaultTokenUrl(baseUrl));
  });
}

function endpoints(baseUrl: string, tokenUrl: string): PemEndpoints {
  return { baseUrl, tokenUrl, tokenPath: new URL(tokenUrl).pathname };
}

/**
 * A URL under another base URL; openapi-fetch (or the methods, as it does) has put the first
 * candidate's base in front of every path, before the login told which layout is right.
 */
export function relocatedUrl(url: string, from: string, to: string): string {
  return from === to || !url.startsWith(`${from}/`) ? url : to + url.slice(from.length);
}

/** The same request sent under another base URL (relocatedUrl). */
export async function relocate(request: Request, from: string, to: string): Promise<Request> {
  const url = relocatedUrl(request.url, from, to);
  if (url === request.url) return request;
  const body = request.body ? await request.arrayBuffer() : undefined;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    redirect: request.redirect,
  });
}

/**
 * Resolves the URL that the spec's paths are appended to. An origin alone gets the spec's
 * base path; a URL with a path is taken as given, since PEM is served under both `/api/…`
 * and `/pem/api/…`.
 */
export function resolveBaseUrl(baseUrl: string, specBasePath: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL such as "https://pem.example.com"; got ${JSON.stringify(baseUrl)}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`baseUrl must use https: or http:, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new TypeError("baseUrl must not contain credentials; pass them as `auth`.");
  }
  const path = url.pathname === "/" ? specBasePath : url.pathname;
  return `${url.origin}${path.replace(/\/+$/, "")}`;
}

/** PEM's token API sits beside the versioned data APIs: `…/api/v10` → `…/api/token/`. */
export function defaultTokenUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/v\d+$/, "")}/token/`;
}

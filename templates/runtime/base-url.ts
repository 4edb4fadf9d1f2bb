/**
 * Resolves the URL that the spec's paths are appended to. An origin alone gets the spec's
 * base path; a URL with a path is taken as given, since PEM is served under both `/api/…`
 * and `/pem/api/…`.
 */
export function resolveBaseUrl(baseUrl: string, specBasePath: string): string {
  const url = serverUrl(baseUrl, "baseUrl");
  const path = url.pathname === "/" ? specBasePath : url.pathname;
  return `${url.origin}${path.replace(/\/+$/, "")}`;
}

/**
 * An option that names a server (`baseUrl`, `tokenUrl`): an absolute http(s) URL without
 * credentials. The value is quoted back only when it cannot hold a password.
 */
export function serverUrl(value: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    const shown = typeof value === "string" && !value.includes("@") ? `; got ${JSON.stringify(value)}` : "";
    throw new TypeError(`${option} must be an absolute http(s) URL such as "https://pem.example.com"${shown}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`${option} must use https: or http:, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new TypeError(`${option} must not contain credentials; pass them as \`auth\`.`);
  }
  return url;
}

/** Whether `baseUrl` is an origin alone, which leaves the path to the spec (or to PEM's discovery). */
export function isOriginOnly(baseUrl: string): boolean {
  return new URL(baseUrl).pathname === "/";
}

/**
 * Resolves the URL that the spec's paths are appended to. An origin alone gets the spec's
 * base path; a URL with a path is taken as given, since PEM is served under both `/api/…`
 * and `/pem/api/…`.
 */
export function resolveBaseUrl(url: URL, specBasePath: string): string {
  const path = url.pathname === "/" ? specBasePath : url.pathname;
  return atOrigin(url.origin, path.replace(/\/+$/, ""), "baseUrl");
}

/**
 * `origin` followed by `path`, which must keep that origin: a base path without its leading `/`
 * (`.evil.example`, `@evil.example`) would be read as part of the host and take the credentials
 * there. `option` is the option whose origin it is.
 */
export function atOrigin(origin: string, path: string, option: string): string {
  const url = `${origin}${path}`;
  if ((path !== "" && !path.startsWith("/")) || new URL(url).origin !== origin) {
    throw new TypeError(
      `${option}: the client's base path ${JSON.stringify(path)} would send calls away from ${origin}; regenerate it from a spec whose server URL is a path starting with "/".`,
    );
  }
  return url;
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

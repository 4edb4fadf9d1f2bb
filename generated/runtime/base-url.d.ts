/**
 * Resolves the URL that the spec's paths are appended to. An origin alone gets the spec's
 * base path; a URL with a path is taken as given, since PEM is served under both `/api/…`
 * and `/pem/api/…`.
 */
export declare function resolveBaseUrl(url: URL, specBasePath: string): string;
/**
 * `origin` followed by `path`, which must keep that origin: a base path without its leading `/`
 * (`.evil.example`, `@evil.example`) would be read as part of the host and take the credentials
 * there. `option` is the option whose origin it is.
 */
export declare function atOrigin(origin: string, path: string, option: string): string;
/**
 * An option that names a server (`baseUrl`, `tokenUrl`): an absolute http(s) URL without
 * credentials. The value is quoted back only when it cannot hold a password.
 */
export declare function serverUrl(value: string, option: string): URL;

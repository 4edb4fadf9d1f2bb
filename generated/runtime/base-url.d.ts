/**
 * Resolves the URL that the spec's paths are appended to. An origin alone gets the spec's
 * base path; a URL with a path is taken as given, since PEM is served under both `/api/…`
 * and `/pem/api/…`.
 */
export declare function resolveBaseUrl(baseUrl: string, specBasePath: string): string;
/** PEM's token API sits beside the versioned data APIs: `…/api/v10` → `…/api/token/`. */
export declare function defaultTokenUrl(baseUrl: string): string;

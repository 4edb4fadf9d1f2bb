/**
 * One of the version lists of PEM's login answer (`supported_api_versions`,
 * `deprecated_api_versions`): absent means empty; anything but a list of version names
 * means the answer is not one the client can trust.
 */
export declare function versionList(body: Record<string, unknown>, field: string, loginPath: string): string[];

/**
 * Refuses to send credentials over plain http:// to anything but this machine, unless the
 * caller explicitly allows it.
 */
export declare function assertSafeTransport(url: string, what: string, allowInsecureHttp: boolean): void;
/**
 * Refuses a client whose credentials, `auth` or set by hand in `headers`, would go to
 * `baseUrl` over plain http:// (the transport checks each call's own headers).
 */
export declare function assertSafeCredentials(baseUrl: string, options: {
    auth?: unknown;
    headers?: Record<string, string>;
    allowInsecureHttp?: boolean;
}): void;
/** The first credential header among `headers`, if any. */
export declare function credentialHeader(headers: Headers | Record<string, string> | undefined): string | undefined;
/** The values of the credential headers among `headers`: secrets an error body may echo. */
export declare function credentialValues(headers: Record<string, string> | undefined): string[];
/** assertSafeCredentials' plain-http guard for each request as it is sent, so that credentials set per call through `headers` are covered too. */
export declare function assertSafeRequest(request: {
    url: string;
    headers: Headers;
}, allowInsecureHttp: boolean): void;
/**
 * Refuses a credential that cannot be sent as a header value, with a message that names where
 * the problem is but never quotes the credential (fetch's own TypeError would quote it whole).
 *
 * @throws {TypeError} a control character (a line break from a copied file), a character beyond U+00FF, or leading or trailing white space (fetch would trim it, sending another credential).
 */
export declare function assertHeaderCredential(what: string, value: string): void;

/**
 * Refuses to send credentials over plain http:// to anything but this machine, unless the
 * caller explicitly allows it.
 */
export function assertSafeTransport(url: string, what: string, allowInsecureHttp: boolean): void {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" || allowInsecureHttp || isLoopback(parsed.hostname)) return;
  throw new TypeError(
    `Refusing to send credentials over plain http:// to ${parsed.host} (${what}): anyone on the network path could read them. Use https://, or set allowInsecureHttp: true if this network is trusted.`,
  );
}

/**
 * Refuses a client whose credentials, `auth` or set by hand in `headers`, would go to
 * `baseUrl` over plain http:// (the transport checks each call's own headers).
 */
export function assertSafeCredentials(baseUrl: string, options: { auth?: unknown; headers?: Record<string, string>; allowInsecureHttp?: boolean }): void {
  const allowInsecureHttp = options.allowInsecureHttp === true;
  if (options.auth) assertSafeTransport(baseUrl, "baseUrl", allowInsecureHttp);
  const headerCredential = credentialHeader(options.headers);
  if (headerCredential) assertSafeTransport(baseUrl, `the ${headerCredential} header in headers`, allowInsecureHttp);
}

/** Headers that carry credentials, whether the runtime sets them (`auth`) or the caller does (`headers`). */
const CREDENTIAL_HEADERS = ["Authorization", "Proxy-Authorization", "X-Auth-Token", "X-Api-Key", "Cookie"];
const isCredentialHeader = (name: string) => CREDENTIAL_HEADERS.some((credential) => credential.toLowerCase() === name.toLowerCase());

/** The first credential header among `headers`, if any. */
export function credentialHeader(headers: Headers | Record<string, string> | undefined): string | undefined {
  if (!headers) return undefined;
  const names = new Set((headers instanceof Headers ? [...headers.keys()] : Object.keys(headers)).map((name) => name.toLowerCase()));
  return CREDENTIAL_HEADERS.find((credential) => names.has(credential.toLowerCase()));
}

/** The values of the credential headers among `headers`: secrets an error body may echo. */
export function credentialValues(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {}).flatMap(([key, value]) => (isCredentialHeader(key) ? [value] : []));
}

/** assertSafeCredentials' plain-http guard for each request as it is sent, so that credentials set per call through `headers` are covered too. */
export function assertSafeRequest(request: { url: string; headers: Headers }, allowInsecureHttp: boolean): void {
  if (allowInsecureHttp || !request.url.startsWith("http:")) return;
  const header = credentialHeader(request.headers);
  if (header) assertSafeTransport(request.url, `the ${header} header`, false);
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * What a credential sent as a header value cannot hold: control characters (tab aside), C1 ones
 * among them (U+0085 is a line break to some parsers), and characters beyond U+00FF.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds.
const NOT_IN_HEADER = /[\0-\x08\x0a-\x1f\x7f-\x9f]|[^\0-\xff]/u;

/**
 * Refuses a credential that cannot be sent as a header value, with a message that names where
 * the problem is but never quotes the credential (fetch's own TypeError would quote it whole).
 *
 * @throws {TypeError} a control character (a line break from a copied file), a character beyond U+00FF, or leading or trailing white space (fetch would trim it, sending another credential).
 */
export function assertHeaderCredential(what: string, value: string): void {
  if (typeof value !== "string") return;
  const bad = NOT_IN_HEADER.exec(value);
  const problem = bad
    ? `a character that cannot be sent in a header (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}) at position ${bad.index + 1}`
    : value.trim() !== value
      ? "white space at its start or end"
      : undefined;
  if (problem) throw new TypeError(`${what} holds ${problem}; check that it was copied whole, without a line ending.`);
}

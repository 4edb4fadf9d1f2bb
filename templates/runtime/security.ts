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
export function assertSafeRequest(request: Request, allowInsecureHttp: boolean): void {
  if (allowInsecureHttp || !request.url.startsWith("http:")) return;
  const header = credentialHeader(request.headers);
  if (header) assertSafeTransport(request.url, `the ${header} header`, false);
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

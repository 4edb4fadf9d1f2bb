/**
 * Refuses to send credentials over plain http:// to anything but this machine, unless the
 * caller explicitly allows it.
 */
export function assertSafeTransport(url, what, allowInsecureHttp) {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" || allowInsecureHttp || isLoopback(parsed.hostname))
        return;
    throw new TypeError(`Refusing to send credentials over plain http:// to ${parsed.host} (${what}): anyone on the network path could read them. Use https://, or set allowInsecureHttp: true if this network is trusted.`);
}
function isLoopback(hostname) {
    return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

import { sendThroughUndici } from "./undici-send.js";
/**
 * This client's own connection pool (an undici Agent) with its TLS settings: a private CA, a
 * client certificate, or — only when asked for — no verification. Nothing process-wide changes.
 */
export function createTlsTransport(tls, logger) {
    if (tls.insecure) {
        logger.warn("TLS certificate verification is off (tls.insecure: true): anyone on the network path can read and change this client's traffic, credentials included. Pass the server's CA as tls.ca instead.");
    }
    let agent;
    const connection = () => (agent ??= import("undici").then((undici) => ({
        undici,
        dispatcher: new undici.Agent({
            connect: {
                ...(tls.ca !== undefined ? { ca: Array.isArray(tls.ca) ? tls.ca.map(pemText) : pemText(tls.ca) } : {}),
                ...(tls.cert !== undefined ? { cert: pemText(tls.cert) } : {}),
                ...(tls.key !== undefined ? { key: pemText(tls.key) } : {}),
                ...(tls.passphrase !== undefined ? { passphrase: tls.passphrase } : {}),
                ...(tls.servername !== undefined ? { servername: tls.servername } : {}),
                rejectUnauthorized: tls.insecure !== true,
            },
        }),
    })));
    const send = async (outgoing, signal) => sendThroughUndici(outgoing, signal, (await connection()).dispatcher);
    const close = async () => {
        if (agent)
            await (await agent).dispatcher.close();
    };
    return { send, close };
}
/** Certificates and keys as text: Node's TLS takes strings or Buffers, callers may hold Uint8Arrays. */
function pemText(value) {
    return typeof value === "string" ? value : new TextDecoder().decode(value);
}

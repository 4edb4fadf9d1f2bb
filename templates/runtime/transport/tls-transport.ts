import type { Logger } from "../logger.js";
import type { TlsOptions } from "../options.js";
import type { SendAttempt } from "./transport.js";
import { sendThroughUndici } from "./undici-send.js";

type Undici = typeof import("undici");

/** Sends through this client's own connection pool; `close` (called once, by the client's close()) ends its connections. */
export interface TlsTransport {
  send: SendAttempt;
  close(): Promise<void>;
}

/**
 * This client's own connection pool (an undici Agent) with its TLS settings: a private CA, a
 * client certificate, or — only when asked for — no verification. Nothing process-wide changes.
 */
export function createTlsTransport(tls: TlsOptions, logger: Required<Logger>): TlsTransport {
  if (tls.insecure) {
    logger.warn(
      "TLS certificate verification is off (tls.insecure: true): anyone on the network path can read and change this client's traffic, credentials included. Pass the server's CA as tls.ca instead.",
    );
  }
  let agent: Promise<{ undici: Undici; dispatcher: InstanceType<Undici["Agent"]> }> | undefined;
  const connection = () =>
    (agent ??= import("undici").then((undici) => ({
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

  const send: SendAttempt = async (outgoing, signal) => sendThroughUndici(outgoing, signal, (await connection()).dispatcher);
  const close = async () => {
    if (agent) await (await agent).dispatcher.close();
  };
  return { send, close };
}

/** Certificates and keys as text: Node's TLS takes strings or Buffers, callers may hold Uint8Arrays. */
function pemText(value: string | Uint8Array): string {
  return typeof value === "string" ? value : new TextDecoder().decode(value);
}

/** A throwaway CA and a server certificate it signed for 127.0.0.1 and localhost, as PEM text. */
export interface ThrowawayPki {
    /** The CA certificate: what a client passes as `tls: { ca }`. */
    ca: string;
    cert: string;
    key: string;
}
/**
 * Makes a CA and a server certificate with node:crypto alone (no openssl binary): P-256 keys,
 * ECDSA-SHA256 signatures, valid from an hour ago for two days. node:crypto makes keys and
 * signatures but not certificates, so the few DER structures X.509 needs are written here.
 */
export declare function createThrowawayPki(): ThrowawayPki;
/**
 * Random bytes made a positive DER INTEGER: top bit clear, and a first byte that is not zero.
 * DER forbids a leading zero byte before one below 0x80; OpenSSL refuses such a certificate,
 * and Node then drops the CA without a word, so one run in 256 saw an untrusted server.
 */
export declare function serialNumber(random: Buffer): Buffer;

import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
/**
 * Makes a CA and a server certificate with node:crypto alone (no openssl binary): P-256 keys,
 * ECDSA-SHA256 signatures, valid from an hour ago for two days. node:crypto makes keys and
 * signatures but not certificates, so the few DER structures X.509 needs are written here.
 */
export function createThrowawayPki() {
    const caKeys = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const serverKeys = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const caName = name("pem-pmm-client test kit CA");
    const ca = certificate({
        issuer: caName,
        subject: caName,
        publicKey: caKeys.publicKey.export({ type: "spki", format: "der" }),
        signingKey: caKeys.privateKey,
        extensions: [extension(OID.basicConstraints, sequence(boolean(true)), true), extension(OID.keyUsage, bitString(Buffer.from([0x06]), 1), true)],
    });
    const cert = certificate({
        issuer: caName,
        subject: name("127.0.0.1"),
        publicKey: serverKeys.publicKey.export({ type: "spki", format: "der" }),
        signingKey: caKeys.privateKey,
        extensions: [
            extension(OID.basicConstraints, sequence(), true),
            extension(OID.keyUsage, bitString(Buffer.from([0x80]), 7), true),
            extension(OID.extKeyUsage, sequence(oid(OID.serverAuth))),
            // iPAddress [7] 127.0.0.1 and dNSName [2] localhost.
            extension(OID.subjectAltName, sequence(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from("localhost", "ascii")))),
        ],
    });
    return { ca: pem("CERTIFICATE", ca), cert: pem("CERTIFICATE", cert), key: serverKeys.privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}
const OID = {
    ecdsaWithSha256: "1.2.840.10045.4.3.2",
    commonName: "2.5.4.3",
    basicConstraints: "2.5.29.19",
    keyUsage: "2.5.29.15",
    extKeyUsage: "2.5.29.37",
    subjectAltName: "2.5.29.17",
    serverAuth: "1.3.6.1.5.5.7.3.1",
};
function certificate(parts) {
    const now = Date.now();
    const algorithm = sequence(oid(OID.ecdsaWithSha256));
    const tbs = sequence(tlv(0xa0, integer(Buffer.from([2]))), // version 3
    integer(serialNumber(randomBytes(12))), algorithm, parts.issuer, sequence(time(now - 3_600_000), time(now + 2 * 86_400_000)), parts.subject, parts.publicKey, tlv(0xa3, sequence(...parts.extensions)));
    return sequence(tbs, algorithm, bitString(sign("sha256", tbs, parts.signingKey), 0));
}
/**
 * Random bytes made a positive DER INTEGER: top bit clear, and a first byte that is not zero.
 * DER forbids a leading zero byte before one below 0x80; OpenSSL refuses such a certificate,
 * and Node then drops the CA without a word, so one run in 256 saw an untrusted server.
 */
export function serialNumber(random) {
    const serial = Buffer.from(random);
    serial[0] = serial[0] & 0x7f || 0x01;
    return serial;
}
function tlv(tag, content) {
    const length = content.length;
    const head = length < 0x80 ? Buffer.from([tag, length]) : length < 0x100 ? Buffer.from([tag, 0x81, length]) : Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
    return Buffer.concat([head, content]);
}
const sequence = (...items) => tlv(0x30, Buffer.concat(items));
const boolean = (value) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const integer = (bytes) => tlv(0x02, bytes);
const bitString = (bytes, unusedBits) => tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));
const octetString = (bytes) => tlv(0x04, bytes);
const name = (commonName) => sequence(tlv(0x31, sequence(oid(OID.commonName), tlv(0x0c, Buffer.from(commonName, "utf8")))));
function extension(id, value, critical = false) {
    return sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}
function oid(dotted) {
    const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
    const bytes = [40 * first + second];
    for (const arc of rest) {
        const chunk = [arc & 0x7f];
        for (let value = arc >> 7; value > 0; value >>= 7)
            chunk.unshift((value & 0x7f) | 0x80);
        bytes.push(...chunk);
    }
    return tlv(0x06, Buffer.from(bytes));
}
/** UTCTime, `YYMMDDHHMMSSZ` (years 1950–2049). */
function time(ms) {
    const text = new Date(ms).toISOString().replace(/[-:T]/g, "").slice(2, 14);
    return tlv(0x17, Buffer.from(`${text}Z`, "ascii"));
}
function pem(label, der) {
    const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

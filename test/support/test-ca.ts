import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestPki {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A second CA that signed nothing here: trusting it must not help. */
  otherCa: string;
}

/**
 * Makes a throwaway CA, a server certificate for 127.0.0.1/localhost and a client
 * certificate with openssl, at test time: no private key is ever checked in.
 */
export async function createTestPki(): Promise<TestPki> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pem-pmm-pki-"));
  const at = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => run("openssl", args, { cwd: dir });
  try {
    for (const name of ["ca", "other-ca"]) {
      await openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "2",
        "-subj",
        `/CN=test ${name}`,
        "-keyout",
        at(`${name}.key`),
        "-out",
        at(`${name}.crt`),
      );
    }
    await writeFile(at("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    await writeFile(at("client.ext"), "extendedKeyUsage=clientAuth\n");
    for (const [name, subject] of [
      ["server", "/CN=127.0.0.1"],
      ["client", "/CN=automation-client"],
    ] as const) {
      await openssl(
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-subj",
        subject,
        "-keyout",
        at(`${name}.key`),
        "-out",
        at(`${name}.csr`),
      );
      await openssl(
        "x509",
        "-req",
        "-in",
        at(`${name}.csr`),
        "-CA",
        at("ca.crt"),
        "-CAkey",
        at("ca.key"),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        at(`${name}.ext`),
        "-out",
        at(`${name}.crt`),
      );
    }
    const read = (name: string) => readFile(at(name), "utf8");
    return {
      ca: await read("ca.crt"),
      serverCert: await read("server.crt"),
      serverKey: await read("server.key"),
      clientCert: await read("client.crt"),
      clientKey: await read("client.key"),
      otherCa: await read("other-ca.crt"),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

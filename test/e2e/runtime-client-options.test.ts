import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readApiConfig } from "../../generator/load/api-config.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { AUTH_SHAPES } from "../../templates/runtime/auth/auth-shapes.js";
import { GENERATED_DIR, projectTempDir, SPECS_DIR } from "../support/paths.js";
import { sendJson, startRecordingServer } from "../support/recording-server.js";
import { typeCheck } from "../support/typecheck.js";

/**
 * createClient's options as a JavaScript caller can get them wrong: a misspelt option or
 * credential key is a TypeError that names the nearest accepted one, before anything is sent,
 * and never quotes a value. Every shape of every login kind is still accepted.
 */
let server: Awaited<ReturnType<typeof startRecordingServer>>;
const entries: { entry: string; auth: keyof typeof AUTH_SHAPES; createClient: (options: unknown) => any }[] = [];

beforeAll(async () => {
  server = await startRecordingServer((_request, response) => sendJson(response, 200, {}));
  for (const spec of await discoverSpecs(SPECS_DIR)) {
    const entry = `${spec.api}/${spec.version}`;
    const module = await import(pathToFileURL(path.join(GENERATED_DIR, entry, "index.js")).href);
    const { auth } = await readApiConfig(path.join(SPECS_DIR, spec.api));
    entries.push({ entry, auth, createClient: module.createClient });
  }
});
afterAll(() => server.close());

const SECRET = "s3cret-Value-42";
const refusal = (create: () => unknown): any => {
  try {
    create();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("createClient's options, from JavaScript", () => {
  it("accepts every auth shape of each entry's login kind, and no auth", () => {
    for (const { entry, auth, createClient } of entries) {
      for (const shape of AUTH_SHAPES[auth]) {
        const given = Object.fromEntries(shape.map((key) => [key, SECRET]));
        expect(() => createClient({ baseUrl: server.origin, auth: given }), `${entry} ${shape.join("+")}`).not.toThrow();
      }
      expect(() => createClient({ baseUrl: server.origin })).not.toThrow();
    }
  });

  it("refuses an unknown option, naming the nearest", () => {
    for (const { entry, createClient } of entries) {
      const error = refusal(() => createClient({ baseUrl: server.origin, timeout: 5_000 }));
      expect(error, entry).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/^createClient: there is no option `timeout`\. Did you mean "timeoutMs"\? The options are /);
    }
  });

  it("refuses PEM's own options on a PMM client, and takes them on a PEM one", () => {
    for (const { entry, auth, createClient } of entries) {
      const create = () => createClient({ baseUrl: server.origin, refreshMarginMs: 1_000 });
      if (auth === "pem-token") expect(create, entry).not.toThrow();
      else expect(refusal(create)?.message, entry).toMatch(/^createClient: there is no option `refreshMarginMs`/);
    }
  });

  it("refuses an auth of no accepted shape, naming the nearest key and never a value", () => {
    const byKind = (kind: string) => entries.find((e) => e.auth === kind)!.createClient;
    const cases: [kind: string, auth: unknown, message: string][] = [
      ["pmm", { tokn: SECRET }, 'and was given { tokn }. Did you mean "token"?'],
      ["pmm", { apikey: SECRET }, 'Did you mean "apiKey"?'],
      ["pem-token", { username: "u", pasword: SECRET }, 'Did you mean "password"?'],
      ["pem-token", { username: "u", password: SECRET, token: SECRET }, "and was given { username, password, token }."],
      ["pem-token", { username: "u", password: undefined }, "`auth.password` must be a non-empty string, and is undefined."],
      ["pmm", { token: "" }, "`auth.token` must be a non-empty string, and is empty."],
      ["pmm", SECRET, "`auth` must be { token } or { username, password } or { apiKey }."],
    ];
    for (const [kind, auth, message] of cases) {
      const error = refusal(() => byKind(kind)({ baseUrl: server.origin, auth }));
      expect(error, JSON.stringify(Object.keys(Object(auth)))).toBeInstanceOf(TypeError);
      expect(error.message).toContain(message);
      expect(error.message).not.toContain(SECRET);
    }
    expect(server.requests).toEqual([]);
  });

  it("types PEM's own options on PEM clients only", async () => {
    const pem = entries.find((e) => e.auth === "pem-token" && e.entry !== "pem/token")!.entry;
    const pmm = entries.find((e) => e.auth === "pmm")!.entry;
    const file = path.join(await projectTempDir("client-options-"), "consumer.ts");
    await writeFile(
      file,
      [
        `import { createClient as pemClient, type PemClientOptions } from ${JSON.stringify(path.join(GENERATED_DIR, pem, "index.js"))};`,
        `import { createClient as pmmClient } from ${JSON.stringify(path.join(GENERATED_DIR, pmm, "index.js"))};`,
        'const options: PemClientOptions = { baseUrl: "https://pem.example.com", refreshMarginMs: 1000, auth: { token: "t" } };',
        "pemClient(options);",
        'pmmClient({ baseUrl: "https://pmm.example.com", refreshMarginMs: 1000 });',
        'pmmClient({ baseUrl: "https://pmm.example.com", auth: { tokn: "t" } });',
      ].join("\n"),
    );
    const errors = typeCheck([file], { skipLibCheck: true });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain("refreshMarginMs");
    expect(errors[1]).toContain("tokn");
  });
});

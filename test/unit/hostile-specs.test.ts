import { execFileSync } from "node:child_process";
import { constants, openSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitSchemaTypes } from "../../generator/emit/schema-types.js";
import { SpecError, UsageError } from "../../generator/errors.js";
import { importSpec } from "../../generator/importer/import-spec.js";
import { readDocument } from "../../generator/load/read-document.js";
import { loadModel } from "../../generator/pipeline.js";
import { validateDocument } from "../../generator/validate/validate-document.js";
import { listFiles, writeTreeAtomically } from "../../generator/write/file-tree.js";
import { checkOutFolder, refuseUserFiles } from "../../generator/write/out-folder.js";
import { projectTempDir } from "../support/paths.js";
import { rejectionOf } from "../support/rejection.js";

const hostile = (name: string) => path.join(import.meta.dirname, "../fixtures/hostile", name);
const pmm = { name: "hostile", auth: "pmm", naming: "operationId", int64: "number" } as const;
const SECRET = "REFERENCED_FILE_CONTENT_MARKER";

/** Counts TCP connections: any attempt to fetch a URL on it, over http or https, shows up. */
let connections = 0;
let listener: Server;
let origin: string;
beforeAll(async () => {
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  origin = `127.0.0.1:${(listener.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

function openapi(schema: unknown): Record<string, unknown> {
  return {
    openapi: "3.0.3",
    info: { title: "hostile", version: "1" },
    paths: { "/item": { get: { operationId: "getItem", responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } } },
  };
}

async function specFile(name: string, document: unknown): Promise<string> {
  const file = path.join(await projectTempDir("hostile"), name);
  await writeFile(file, JSON.stringify(document));
  return file;
}

describe("references outside the document", () => {
  it("are refused before anything reads the referenced file, naming the $ref's pointer", async () => {
    const error = await rejectionOf(loadModel(hostile("external-file-ref.yaml"), pmm, "v1"));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).pointer).toBe("/paths/~1item/get/responses/200/content/application~1json/schema/$ref");
    expect(error.message).toContain("--allow-external-refs");
    expect(error.message).not.toContain(SECRET);
  });

  it("are refused by specs:import too, so no file's content reaches specs/", async () => {
    const error = await rejectionOf(importSpec(hostile("external-file-ref.yaml"), { api: "hostile", version: "v1", keepDocs: false }));
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).not.toContain(SECRET);
  });

  it.each([
    ["an absolute file path", "/etc/passwd"],
    ["a plain http URL", "http://ORIGIN/schema.yaml"],
    ["an https URL", "https://ORIGIN/schema.yaml"],
  ])("%s is refused without a connection being made", async (_what, target) => {
    const before = connections;
    const file = await specFile("ref.json", openapi({ $ref: target.replace("ORIGIN", origin) }));
    const error = await rejectionOf(readDocument(file));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).pointer).toMatch(/\/schema\/\$ref$/);
    expect(connections).toBe(before);
  });

  it("are refused without the referenced file being opened", async () => {
    // Whoever opens a FIFO for reading waits for a writer: a loader that followed the $ref would
    // hang here, and a writer's non-blocking open fails with ENXIO only while no reader waits.
    const fifo = path.join(await projectTempDir("hostile"), "fifo.yaml");
    execFileSync("mkfifo", [fifo]);
    const error = await rejectionOf(readDocument(await specFile("ref.json", openapi({ $ref: `${fifo}#/Secret` }))));
    expect(error).toBeInstanceOf(SpecError);
    expect(() => openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)).toThrow(expect.objectContaining({ code: "ENXIO" }));
  });

  it("reach no file or host even when a caller skips the loader and validates directly", async () => {
    const before = connections;
    const error = await rejectionOf(validateDocument("direct.json", openapi({ $ref: `http://${origin}/schema.yaml` })));
    expect(error).toBeInstanceOf(SpecError);
    expect(connections).toBe(before);
  });

  it("with --allow-external-refs, local files are bundled in and the result is self-contained", async () => {
    const { document } = await readDocument(hostile("external-file-ref.yaml"), { allowExternalRefs: true });
    expect(JSON.stringify(document)).not.toMatch(/"\$ref":"[^#]/);
    expect((document as any).components.schemas.Secret.properties).toHaveProperty(SECRET);
  });

  it("with --allow-external-refs, plain http is still refused, also inside a referenced file", async () => {
    const before = connections;
    const direct = await rejectionOf(readDocument(await specFile("ref.json", openapi({ $ref: `http://${origin}/schema.yaml` })), { allowExternalRefs: true }));
    expect(direct.message).toContain("plain http://");
    const dir = path.dirname(await specFile("inner.json", { Inner: { $ref: `http://${origin}/schema.yaml` } }));
    await writeFile(path.join(dir, "outer.json"), JSON.stringify(openapi({ $ref: "./inner.json#/Inner" })));
    const nested = await rejectionOf(readDocument(path.join(dir, "outer.json"), { allowExternalRefs: true }));
    expect(nested).toBeInstanceOf(SpecError);
    expect(connections).toBe(before);
  });
});

describe("references outside the document other than $ref", () => {
  const withExample = (externalValue: string) => {
    const document = openapi({ type: "string" }) as any;
    document.paths["/item"].get.responses["200"].content["application/json"].examples = { e: { externalValue } };
    return document;
  };
  const examplePointer = "/paths/~1item/get/responses/200/content/application~1json/examples/e/externalValue";

  it.each([
    ["a plain http URL", "http://ORIGIN/example.json"],
    ["a FIFO", "FIFO"],
  ])("an Example's externalValue to %s is refused like a $ref, with nothing read or fetched", async (_what, target) => {
    const fifo = path.join(await projectTempDir("hostile"), "example-fifo");
    execFileSync("mkfifo", [fifo]);
    const before = connections;
    const error = await rejectionOf(readDocument(await specFile("example.json", withExample(target.replace("ORIGIN", origin).replace("FIFO", fifo)))));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).pointer).toBe(examplePointer);
    expect(error.message).toContain("--allow-external-refs");
    expect(connections).toBe(before);
    expect(() => openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)).toThrow(expect.objectContaining({ code: "ENXIO" }));
  });

  it("with --allow-external-refs, a local externalValue is bundled in and a plain http one is refused", async () => {
    const dir = path.dirname(await specFile("value.json", { sample: SECRET }));
    await writeFile(path.join(dir, "with-example.json"), JSON.stringify(withExample("./value.json")));
    const { document } = await readDocument(path.join(dir, "with-example.json"), { allowExternalRefs: true });
    expect(JSON.stringify(document)).not.toContain("externalValue");
    expect(JSON.stringify(document)).toContain(SECRET);
    const before = connections;
    const error = await rejectionOf(readDocument(await specFile("example.json", withExample(`http://${origin}/example.json`)), { allowExternalRefs: true }));
    expect(error.message).toContain("plain http://");
    expect(connections).toBe(before);
  });

  it("the schema types fetch no externalValue, even for a caller that skips the loader", async () => {
    const before = connections;
    const types = emitSchemaTypes("direct.json", JSON.stringify(withExample(`http://${origin}/example.json`)));
    expect(types).toContain("paths");
    expect(connections).toBe(before);
  });

  it.each([
    ["a relative file", "./cat.yaml"],
    ["a plain http URL", "http://ORIGIN/dog.json"],
  ])("a discriminator mapping to %s is refused with its pointer", async (_what, target) => {
    const document = openapi({ $ref: "#/components/schemas/Pet" }) as any;
    document.components = {
      schemas: {
        Pet: {
          type: "object",
          properties: { kind: { type: "string" } },
          discriminator: { propertyName: "kind", mapping: { dog: "Dog", cat: target.replace("ORIGIN", origin) } },
          oneOf: [{ $ref: "#/components/schemas/Dog" }],
        },
        Dog: { type: "object", properties: { kind: { type: "string" } } },
      },
    };
    const before = connections;
    const error = await rejectionOf(readDocument(await specFile("mapping.json", document)));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).pointer).toBe("/components/schemas/Pet/discriminator/mapping/cat");
    expect(error.message).toContain("outside this document");
    expect(connections).toBe(before);
  });
});

describe("files that are not files", () => {
  it.each([
    ["a FIFO given as the spec", "FIFO", false],
    ["/dev/zero given as the spec", "/dev/zero", false],
    ["a FIFO behind a $ref, with --allow-external-refs", "FIFO", true],
    ["/dev/zero behind a $ref, with --allow-external-refs", "/dev/zero", true],
  ])("%s is refused without being read", async (_what, target, behindRef) => {
    const fifo = path.join(await projectTempDir("hostile"), "spec-fifo.yaml");
    execFileSync("mkfifo", [fifo]);
    const file = target === "FIFO" ? fifo : target;
    const error = await rejectionOf(
      behindRef ? readDocument(await specFile("ref.json", openapi({ $ref: file })), { allowExternalRefs: true }) : readDocument(file),
    );
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toContain("is not a regular file");
    expect(() => openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)).toThrow(expect.objectContaining({ code: "ENXIO" }));
  });

  it("a file longer than its size says is refused once what was read passes the limit", async () => {
    // Linux's /proc files are regular files of size 0 whatever they hold.
    const error = await rejectionOf(readDocument("/proc/self/status", { limits: { maxBytes: 100 } }));
    expect(error.message).toBe("/proc/self/status: is larger than 100 bytes, the most a spec may be. Check that this file is an API description.");
  });
});

describe("documents that expand without bound", () => {
  it("a billion-laughs YAML document fails at load with a clear error", async () => {
    const error = await rejectionOf(readDocument(hostile("billion-laughs.yaml")));
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toMatch(/expands to more than 500,000 nodes .*alias bomb/);
  });

  /** A spec whose schema L<levels> has ten properties of type L<levels − 1>, all aliases of one node: 10^levels nodes. */
  const nestedAliases = (levels: number, leaf: string) => {
    const schemas = [`    L0: &l0 ${leaf}`];
    for (let level = 1; level <= levels; level++) {
      schemas.push(
        `    L${level}: &l${level}`,
        "      type: object",
        "      properties:",
        ...Array.from({ length: 10 }, (_, i) => `        p${i}: *l${level - 1}`),
      );
    }
    return ["openapi: 3.0.3", "info: {title: t, version: '1'}", "paths: {}", "components:", "  schemas:", ...schemas, ""].join("\n");
  };

  it.each([
    ["three million nodes (below the old limit) from sixty aliases", nestedAliases(6, "{type: string}"), /more than 500,000 nodes/],
    ["a 100 KB string repeated ten thousand times", nestedAliases(4, `{type: string, example: "${"A".repeat(100_000)}"}`), /more than 67,108,864 characters/],
  ])("%s is refused at load with the pointer where it passes the limit", async (_what, text, message) => {
    const file = path.join(await projectTempDir("hostile"), "bomb.yaml");
    await writeFile(file, text);
    const error = await rejectionOf(readDocument(file));
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toMatch(message);
    expect((error as SpecError).pointer).toMatch(/^\/components\/schemas\/L\d\/properties$/);
  });

  it("YAML nested deeper than the limit is refused as such, with its line", async () => {
    const file = path.join(await projectTempDir("hostile"), "deep.yaml");
    await writeFile(file, `openapi: 3.0.3\nx-deep: ${"[".repeat(150)}${"]".repeat(150)}\n`);
    const error = await rejectionOf(readDocument(file));
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toMatch(/: nests deeper than 100 levels \(line 2, column \d+\)\. Real API descriptions/);
  });

  it("a key holding control characters is printed escaped in the error's pointer", async () => {
    const error = await rejectionOf(readDocument(await specFile("escape.json", { openapi: "3.0.3", "x-\u001b[31mred\n": { constructor: 1 } })));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).pointer).toBe("/x-\u001b[31mred\n/constructor");
    expect(error.message).toContain(" at /x-\\u001b[31mred\\u000a/constructor: ");
    expect(error.message).not.toMatch(/\p{Cc}/u);
  });

  it("a YAML alias to an enclosing node is refused", async () => {
    const dir = await projectTempDir("hostile");
    await writeFile(path.join(dir, "cycle.yaml"), "openapi: 3.0.3\ninfo: &self { title: t, version: '1', again: *self }\npaths: {}\n");
    const error = await rejectionOf(readDocument(path.join(dir, "cycle.yaml")));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).pointer).toBe("/info/again");
  });

  it("a schema nested thousands deep is refused with its pointer, not a stack overflow", async () => {
    const levels = 5000;
    const schema = `${'{"type":"object","properties":{"inner":'.repeat(levels)}{"type":"string"}${"}}".repeat(levels)}`;
    const file = await specFile("deep.json", openapi("SCHEMA"));
    await writeFile(file, (await readFile(file, "utf8")).replace('"SCHEMA"', schema));
    const error = await rejectionOf(loadModel(file, pmm, "v1"));
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toContain("nests deeper than 100 levels");
  });
});

describe("--out", () => {
  const files = new Map([
    ["index.d.ts", "// Generated by pem-pmm-client-generator from x.\n"],
    ["index.js", "export {};\n"],
    ["runtime/index.js", "export {};\n"],
  ]);

  it("with a trailing slash replaces the folder and leaves nothing beside or inside it", async () => {
    const parent = await projectTempDir("out");
    const out = path.join(parent, "client") + path.sep;
    for (let run = 0; run < 2; run++) await writeTreeAtomically(await checkOutFolder(out), files);
    expect((await listFiles(out)).sort()).toEqual([...files.keys()]);
    expect(await listFiles(parent)).toEqual([...files.keys()].map((f) => `client/${f}`));
  });

  it("naming a file is a usage error, and the file is left as it was", async () => {
    const file = await specFile("notes.txt", "mine");
    const error = await rejectionOf(checkOutFolder(file));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain("is a file");
    expect(await readFile(file, "utf8")).toBe('"mine"');
  });

  it("under a file is a usage error naming the path, not an internal error", async () => {
    const file = await specFile("notes.txt", "mine");
    const error = await rejectionOf(checkOutFolder(path.join(file, "client")));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `--out ${path.join(file, "client")} cannot be written: a part of its path is a file, not a folder. Choose a folder you can write to.`,
    );
  });

  it("an earlier output holding a file of the user's is refused, naming the file", async () => {
    const out = path.join(await projectTempDir("out"), "client");
    await writeTreeAtomically(out, files);
    await mkdir(path.join(out, "docs"));
    await writeFile(path.join(out, "docs", "notes.md"), "my notes");
    const folder = await checkOutFolder(out);
    const error = await rejectionOf(refuseUserFiles(out, folder, files));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain("docs/notes.md");
  });
});

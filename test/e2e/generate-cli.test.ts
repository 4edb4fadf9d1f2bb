import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { listFiles, writeTreeAtomically } from "../../generator/write/file-tree.js";
import { readTree } from "../support/generated-package.js";
import { documentOperations } from "../support/operation-keys.js";
import { projectTempDir, SPECS_DIR } from "../support/paths.js";
import { runCli, runCliProcess } from "../support/run-cli.js";

const fixture = (name: string) => path.join(import.meta.dirname, "../fixtures", name);

const snapshot = async (dir: string) => Object.fromEntries(await readTree(dir));

describe("npm run generate", () => {
  it("--check passes on the committed generated/, generated again from nothing (--force)", async () => {
    // --force: not from generated/.inputs.json, so this proves a cold run writes the committed bytes.
    const result = await runCli("generate", ["--check", "--force"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`up to date (${(await discoverSpecs(SPECS_DIR)).length} API versions`);
  });

  // --check above compares with a tree an earlier process wrote; this compares two runs in one process.
  it("is deterministic: two runs give byte-identical trees", async () => {
    const [first, second] = await Promise.all(
      [1, 2].map(async (run) => {
        const out = path.join(await projectTempDir(`deterministic-${run}`), "client");
        expect((await runCli("generate", ["--spec", fixture("swagger2-edge-cases.yaml"), "--api", "pem", "--version", "v1", "--out", out])).code).toBe(0);
        return readTree(out);
      }),
    );
    expect([...second!.keys()]).toEqual([...first!.keys()]);
    for (const [name, content] of first!) expect(second!.get(name), name).toBe(content);
  });

  it("--check names stale files and exits 1", async () => {
    const out = path.join(await projectTempDir("check"), "client");
    expect((await runCli("generate", ["--spec", fixture("swagger2-edge-cases.yaml"), "--api", "pem", "--version", "v1", "--out", out])).code).toBe(0);
    await writeFile(path.join(out, "index.js"), "// edited by hand\n");
    const result = await runCli("generate", ["--check", "--spec", fixture("swagger2-edge-cases.yaml"), "--api", "pem", "--version", "v1", "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("index.js (out of date)");
  });
});

describe("--spec mode", () => {
  it("writes a standalone client and prints one line per version", async () => {
    const out = path.join(await projectTempDir("spec"), "client");
    const result = await runCli("generate", [
      "--spec",
      fixture("swagger2-edge-cases.yaml"),
      "--api",
      "edge",
      "--auth",
      "pmm",
      "--naming",
      "path",
      "--version",
      "v1",
      "--out",
      out,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const operations = (await documentOperations(fixture("swagger2-edge-cases.yaml"))).length;
    expect(result.stdout).toMatch(new RegExp(`^edge/v1\\s+${operations} operations\\s+\\d+ ms\n$`));
    expect((await listFiles(out)).sort()).toEqual(
      expect.arrayContaining(["index.d.ts", "index.js", "paths.d.ts", "paths.js", "schema.d.ts", "runtime/index.js", "runtime/index.d.ts"]),
    );
    // The paths module beside the entry reaches the folder's own runtime copy.
    const [{ createClient }, { pathClient }] = await Promise.all(["index.js", "paths.js"].map((file) => import(pathToFileURL(path.join(out, file)).href)));
    expect(typeof pathClient(createClient({ baseUrl: "https://edge.example.com" })).GET).toBe("function");
    expect(() => pathClient({})).toThrow(TypeError);
  });

  it.each([
    ["a known API with a setting overridden", ["--api", "pem", "--auth", "pem-token", "--naming", "path"]],
    ["a new API with pem-token auth", ["--api", "newpem", "--auth", "pem-token", "--naming", "path"]],
  ])("lifts the token header for %s", async (_what, settings) => {
    const out = path.join(await projectTempDir("settings"), "client");
    const result = await runCli("generate", ["--spec", fixture("swagger2-edge-cases.yaml"), ...settings, "--version", "v1", "--out", out]);
    expect(result.code).toBe(0);
    for (const file of ["index.d.ts", "schema.d.ts"]) expect(await readFile(path.join(out, file), "utf8")).not.toContain("X-Auth-Token");
  });

  it("refuses to replace a folder it did not write", async () => {
    const out = await projectTempDir("foreign");
    await writeFile(path.join(out, "notes.txt"), "keep me");
    const result = await runCli("generate", ["--spec", fixture("swagger2-edge-cases.yaml"), "--api", "pem", "--version", "v1", "--out", out]);
    expect(result.code).toBe(2);
    expect(await readFile(path.join(out, "notes.txt"), "utf8")).toBe("keep me");
  });
});

describe("as a process of its own", () => {
  // The other tests call main() in this process; this one checks what a shell sees.
  it("prints bad input as one line on stderr and exits 1, relative paths read from its working folder", async () => {
    const result = await runCliProcess("generate", ["--spec", "invalid-spec.yaml", "--api", "pem", "--version", "v1", "--out", "out"], { cwd: fixture(".") });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: \S*invalid-spec\.yaml at \/paths\/~1nodes\/get\/parameters\/0\/in: [^\n]+\n$/);
  });
});

describe("bad input: one clear paragraph, no stack trace, nothing lost", () => {
  const cases: [string, string, RegExp][] = [
    ["a missing file", "does-not-exist.yaml", /does-not-exist\.yaml: no such file\./],
    ["invalid YAML", "invalid-yaml.yaml", /invalid-yaml\.yaml: is not valid JSON or YAML \(line \d+, column \d+\): .+\. Fix the syntax/],
    [
      "an invalid spec",
      "invalid-spec.yaml",
      /invalid-spec\.yaml at \/paths\/~1nodes\/get\/parameters\/0\/in: is not a valid Swagger 2\.0 document: `in` can be one of/,
    ],
    ["a document that is no API description", "not-a-spec.json", /not-a-spec\.json at \/: has neither a `swagger` nor an `openapi` field/],
    [
      "a $ref that points nowhere",
      "unresolved-ref.yaml",
      /unresolved-ref\.yaml at \/paths\/~1things\/get\/responses\/200\/schema\/\$ref: the reference "#\/definitions\/Missing" points at nothing in this document\./,
    ],
  ];

  // One earlier output, copied for each case: generating it is the slow part.
  let earlier: string;
  beforeAll(async () => {
    earlier = path.join(await projectTempDir("earlier"), "client");
    expect((await runCli("generate", ["--spec", fixture("swagger2-edge-cases.yaml"), "--api", "pem", "--version", "v1", "--out", earlier])).code).toBe(0);
  });

  it.each(cases)("%s exits 1 and leaves the previous output untouched", async (_what, file, message) => {
    const out = path.join(await projectTempDir("bad"), "client");
    await cp(earlier, out, { recursive: true });
    const before = await snapshot(out);
    const result = await runCli("generate", ["--spec", fixture(file), "--api", "pem", "--version", "v1", "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(await snapshot(out)).toEqual(before);
  });

  it.each([
    [
      "an unknown API",
      ["--spec", "x.yaml", "--api", "nope", "--version", "v1", "--out", "o"],
      /unknown API "nope" needs --auth \(pem-token \| pmm\) and --naming \(path \| operationId\)\. Known APIs: pem, pmm/,
    ],
    ["a new API without --naming", ["--spec", "x.yaml", "--api", "nope", "--auth", "pmm", "--version", "v1", "--out", "o"], /unknown API "nope" needs --auth/],
    [
      "a bad setting value",
      ["--spec", "x.yaml", "--api", "pem", "--int64", "bigint", "--version", "v1", "--out", "o"],
      /--int64: `int64` is "bigint". It must be one of: string, number/,
    ],
    ["an incomplete --spec call", ["--spec", "x.yaml"], /--spec, --api, --version and --out go together/],
    ["an unknown flag", ["--frobnicate"], /Unknown option '--frobnicate'/],
  ])("%s is a usage error (exit 2)", async (_what, args, message) => {
    const result = await runCli("generate", args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("--help");
  });

  it("--help explains every mode", async () => {
    const result = await runCli("generate", ["--help"]);
    expect(result.code).toBe(0);
    for (const flag of ["--check", "--spec", "--api", "--version", "--out"]) expect(result.stdout).toContain(flag);
  });
});

describe("atomic writes", () => {
  it("keep the previous tree when writing fails midway", async () => {
    const dir = path.join(await projectTempDir("atomic"), "generated");
    await writeTreeAtomically(
      dir,
      new Map([
        ["a.txt", "old"],
        ["sub/b.txt", "old"],
      ]),
    );
    // A file and a folder with the same name cannot both exist: the second write fails.
    const failing = new Map([
      ["a.txt", "new"],
      ["c", "file"],
      ["c/d.txt", "dir"],
    ]);
    await expect(writeTreeAtomically(dir, failing)).rejects.toThrow();
    expect(await snapshot(dir)).toEqual({ "a.txt": "old", "sub/b.txt": "old" });
    expect((await listFiles(path.dirname(dir))).filter((f) => !f.startsWith("generated/"))).toEqual([]);
  });

  it("replace the whole tree on success", async () => {
    const dir = path.join(await projectTempDir("atomic"), "generated");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "stale.txt"), "x");
    await writeTreeAtomically(dir, new Map([["fresh.txt", "y"]]));
    expect(await snapshot(dir)).toEqual({ "fresh.txt": "y" });
  });
});

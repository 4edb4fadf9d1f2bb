import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../generator/write/file-tree.js";
import { projectTempDir } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

const fixture = path.join(import.meta.dirname, "../fixtures/swagger2-edge-cases.yaml");
const generate = (out: string, version = "v1") => runCli("generate", ["--spec", fixture, "--api", "pem", "--version", version, "--out", out]);

describe("generate --out and labels from the command line", () => {
  it("refuses to replace an earlier output that holds a file of the user's, and keeps it", async () => {
    const out = path.join(await projectTempDir("user-file"), "client");
    expect((await generate(out)).code).toBe(0);
    await writeFile(path.join(out, "NOTES.md"), "my own notes");
    const before = await listFiles(out);
    const result = await generate(out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("holds files this command does not write (NOTES.md)");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await listFiles(out)).toEqual(before);
    expect(await readFile(path.join(out, "NOTES.md"), "utf8")).toBe("my own notes");
  });

  it("refuses an --out that is a file, and a --version that is not a label, as usage errors", async () => {
    const file = path.join(await projectTempDir("out-file"), "client.txt");
    await writeFile(file, "not a folder");
    const onFile = await generate(file);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain("is a file; --out names the folder");
    expect(await readFile(file, "utf8")).toBe("not a folder");

    const badVersion = await generate(path.join(path.dirname(file), "client"), "v1*/ globalThis.x = 1; /*");
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toContain("is not a version label");
  });
});

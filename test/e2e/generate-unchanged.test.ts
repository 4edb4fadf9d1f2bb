import { appendFile, copyFile, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitFakeModelIndex } from "../../generator/emit/fake-model.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { STAMP_FILE } from "../../generator/write/input-stamp.js";
import { readTree } from "../support/generated-package.js";
import { copyProject } from "../support/project-copy.js";
import { runCli } from "../support/run-cli.js";

/*
 * generated/ records what it was made from (generated/.inputs.json): with nothing changed,
 * `npm run generate` does nothing, and with one spec changed it emits that version alone.
 * Each test works on its own copy of the project, whose generated/ is this checkout's.
 */

let root: string;
let committed: Map<string, string>;
const generated = () => path.join(root, "generated");
const generate = (...args: string[]) => runCli("generate", args, { cwd: root, root });

beforeAll(async () => {
  root = await copyProject("generate-unchanged");
  committed = await readTree(generated());
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("npm run generate with nothing changed", () => {
  it("does nothing: generated/ is the same folder with the same files, and --check answers from the record too", async () => {
    const before = await stat(generated());
    const index = await stat(path.join(generated(), "pmm/v3/index.js"));
    const versions = (await discoverSpecs(path.join(root, "specs"))).length;
    for (const args of [[], ["--check"]]) {
      const result = await generate(...args);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(
        `generated/ is up to date (${versions} API versions, ${committed.size} files; no spec, template or generator file changed since).\n`,
      );
    }
    // The folder is swapped in whole when written: the same inode and file times mean nothing was.
    expect((await stat(generated())).ino).toBe(before.ino);
    expect((await stat(path.join(generated(), "pmm/v3/index.js"))).mtimeMs).toBe(index.mtimeMs);
  });

  it("still checks the files on disk: an edited file is stale for --check, and generate emits its version again", async () => {
    const edited = path.join(generated(), "pmm/v3/index.js");
    await writeFile(edited, "// edited by hand\n");
    await rm(path.join(generated(), "pem/v10/schema.d.ts"));
    await writeFile(path.join(generated(), "extra.js"), "");
    // A compiled runtime file too: the runtime is taken over only when all of it is as recorded.
    await writeFile(path.join(generated(), "runtime/errors.js"), "// edited by hand\n");
    const check = await generate("--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(
      "generated/ is not what the specs produce (4 files):\n  extra.js (not produced by the specs)\n  pem/v10/schema.d.ts (missing)\n" +
        "  pmm/v3/index.js (out of date)\n  runtime/errors.js (out of date)\nRun `npm run generate` and commit the result.\n",
    );
    const result = await generate();
    expect(result.code, result.stderr).toBe(0);
    const emitted = result.stdout.split("\n").filter((line) => /operations +\d+ ms$/.test(line));
    expect(emitted.map((line) => line.split(/\s+/)[0])).toEqual(["pem/v10", "pmm/v3"]);
    expect(await readTree(generated())).toEqual(committed);
  });

  it("emits only the version whose spec changed, and writes what a full run writes", async () => {
    const specs = await discoverSpecs(path.join(root, "specs"));
    const changed = specs.at(-1)!;
    // A YAML comment changes the file, not what it describes: the output stays the same.
    await appendFile(changed.file, "# a comment\n");
    const result = await generate();
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n").slice(0, -1);
    expect(lines.map((line) => [line.split(/\s+/)[0], line.endsWith("unchanged")])).toEqual(
      specs.map(({ api, version }) => [`${api}/${version}`, `${api}/${version}` !== `${changed.api}/${changed.version}`]),
    );
    const after = await readTree(generated());
    // Everything but the record is what the committed tree holds, which a run from no record made (generate --check --force).
    expect([...after.keys()]).toEqual([...committed.keys()]);
    for (const [name, content] of committed) if (name !== STAMP_FILE) expect(after.get(name), name).toBe(content);
    const [recorded, before] = [after, committed].map((tree) => JSON.parse(tree.get(STAMP_FILE)!) as { folders: Record<string, string> });
    const changedFolders = Object.keys(before!.folders).filter((folder) => recorded!.folders[folder] !== before!.folders[folder]);
    expect(changedFolders).toEqual([`${changed.api}/${changed.version}`]);
    expect(await readFile(path.join(generated(), ".npmignore"), "utf8")).toBe(`${STAMP_FILE}\n`);
  });

  it("emits only a version that was added, and the test kit's index, taken over with testing/, names it", async () => {
    const specs = path.join(root, "specs");
    await copyFile(path.join(specs, "pem/token.yaml"), path.join(specs, "pem/token2.yaml"));
    const result = await generate();
    expect(result.code, result.stderr).toBe(0);
    const emitted = result.stdout.split("\n").filter((line) => /operations +\d+ ms$/.test(line));
    expect(emitted.map((line) => line.split(/\s+/)[0])).toEqual(["pem/token2"]);
    const index = emitFakeModelIndex(await discoverSpecs(specs));
    expect(await readFile(path.join(generated(), "testing/models.js"), "utf8")).toBe(index.js);
    expect(await readFile(path.join(generated(), "testing/models.d.ts"), "utf8")).toBe(index.dts);
  });
});

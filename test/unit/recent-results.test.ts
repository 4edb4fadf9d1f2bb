import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { compareApis } from "../../generator/diff/compare.js";
import type { ApiConfig } from "../../generator/load/api-config.js";
import { RecentResults } from "../../generator/load/recent-results.js";
import { loadModel } from "../../generator/pipeline.js";
import type { Defect } from "../../generator/validate/defects.js";
import { FIXTURE_SETTINGS, fixtureDocument } from "../support/old-calls.js";
import { projectTempDir } from "../support/paths.js";

/** A cache of `capacity` whose makers count their calls. */
function counted(capacity: number) {
  const cache = new RecentResults<string>(capacity);
  const made: string[] = [];
  const get = (key: string) =>
    cache.get(key, async () => {
      made.push(key);
      return `value of ${key}`;
    });
  return { made, get };
}

describe("RecentResults", () => {
  it("makes a result once per key, and gives it to every caller", async () => {
    const { made, get } = counted(4);
    const [first, again] = [get("a"), get("a")];
    expect(again).toBe(first);
    expect(await get("b")).toBe("value of b");
    expect(made).toEqual(["a", "b"]);
  });

  it("drops the least recently used result beyond its capacity", async () => {
    const { made, get } = counted(2);
    await get("a");
    await get("b");
    await get("a"); // a is now the more recent
    await get("c"); // drops b
    await get("a");
    await get("b");
    expect(made).toEqual(["a", "b", "c", "b"]);
  });

  it("keeps no failure: the next caller tries again", async () => {
    const cache = new RecentResults<number>(4);
    let calls = 0;
    const get = () =>
      cache.get("k", async () => {
        calls += 1;
        if (calls === 1) throw new Error("first try fails");
        return calls;
      });
    await expect(get()).rejects.toThrow("first try fails");
    expect(await get()).toBe(2);
    expect(await get()).toBe(2);
  });
});

const config: ApiConfig = { name: "recent", ...FIXTURE_SETTINGS };
/** A spec file of `document`, in a folder of its own. */
const spec = async (document: Record<string, unknown>) => {
  const file = path.join(await projectTempDir("recent"), "v1.yaml");
  await writeFile(file, stringify(document));
  return file;
};
const operation = (id: string) => ({ get: { operationId: id, responses: { "200": { description: "ok" } } } });

describe("loadModel of a file", () => {
  it("gives the same frozen model while the file is unchanged, and a new one once it changes", async () => {
    const file = await spec(fixtureDocument("v1", { paths: { "/a": operation("getA") } }));
    const first = await loadModel(file, config, "v1");
    expect(await loadModel(file, config, "v1")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first.operations as unknown[]).push({})).toThrow(TypeError);
    // Another version label or other settings are another model.
    expect(await loadModel(file, config, "v2")).not.toBe(first);
    expect(await loadModel(file, { ...config, name: "other" }, "v1")).not.toBe(first);
    await writeFile(file, stringify(fixtureDocument("v1", { paths: { "/a": operation("getA"), "/b": operation("getB") } })));
    const changed = await loadModel(file, config, "v1");
    expect(changed.operations.map((o) => o.path)).toEqual(["/a", "/b"]);
  });

  it("gives a copy of the file elsewhere the same model, and a bad file its own error", async () => {
    const document = fixtureDocument("v1", { paths: { "/c": operation("getC") } });
    const [file, copy] = [await spec(document), await spec(document)];
    expect(copy).not.toBe(file);
    expect(await loadModel(copy, config, "v1")).toBe(await loadModel(file, config, "v1"));
    // Nothing of one file's failure is kept: the next file's error names that file.
    const broken = { ...document, paths: {} };
    const [bad, badCopy] = [await spec(broken), await spec(broken)];
    await expect(loadModel(bad, config, "v1")).rejects.toMatchObject({ file: bad, pointer: "/paths" });
    await expect(loadModel(badCopy, config, "v1")).rejects.toMatchObject({ file: badCopy, pointer: "/paths" });
  });

  it("reads leniently afresh each time, so every read reports its defects", async () => {
    const document = fixtureDocument("v1", { paths: { "/a": { get: { parameters: [{ name: "x" }], responses: { "200": { description: "ok" } } } } } });
    const file = await spec(document);
    const reads: Defect[][] = [];
    for (let i = 0; i < 2; i++) {
      const defects: Defect[] = [];
      await loadModel(file, config, "v1", { onDefect: (defect) => defects.push(defect) });
      reads.push(defects);
    }
    expect(reads[0]!.length).toBeGreaterThan(0);
    expect(reads[1]).toEqual(reads[0]);
  });
});

describe("compareApis", () => {
  const model = async (version: string, paths: Record<string, unknown>) => loadModel(await spec(fixtureDocument(version, { paths })), config, version);

  it("compares two kept models once, and shares the frozen comparison; other models afresh", async () => {
    const [v1, v2] = [await model("v1", { "/a": operation("getA") }), await model("v2", { "/a": operation("getA"), "/b": operation("getB") })];
    const first = compareApis(v1, v2);
    expect(first.summary.added).toBe(1);
    expect(compareApis(v1, v2)).toBe(first);
    expect(Object.isFrozen(first.changes)).toBe(true);
    expect(compareApis(v2, v1)).not.toBe(first);
    const thawed = structuredClone(v1);
    expect(compareApis(thawed, v2)).not.toBe(compareApis(thawed, v2));
    expect(compareApis(thawed, v2).summary).toEqual(first.summary);
  });
});

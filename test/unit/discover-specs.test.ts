import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { projectTempDir } from "../support/paths.js";

describe("discoverSpecs", () => {
  it("orders versions as versions: numbers by value, a version before its dashed follow-ups", async () => {
    const specs = await projectTempDir("discover");
    await mkdir(path.join(specs, "pmm"));
    for (const file of ["api.yaml", "v10.yaml", "v3-1.yaml", "v9.json", "v3.yaml", "notes.txt"]) await writeFile(path.join(specs, "pmm", file), "");
    expect((await discoverSpecs(specs)).map((entry) => entry.version)).toEqual(["v3", "v3-1", "v9", "v10"]);
  });
});

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSources, recordedLocation, resolveRecordedLocation } from "../../generator/importer/sources-record.js";
import { projectTempDir } from "../support/paths.js";
import { rejectionOf } from "../support/rejection.js";

describe("specs/sources.yaml records", () => {
  it("name a file relative to the project root, and a URL as given", () => {
    const root = path.resolve("/projects/client");
    const file = path.resolve("/projects/shared/reference/pem/pem-v9.swagger.json");
    expect(recordedLocation(root, file)).toBe("../shared/reference/pem/pem-v9.swagger.json");
    expect(resolveRecordedLocation(root, "../shared/reference/pem/pem-v9.swagger.json")).toBe(file);
    const url = "https://example.com/Swagger.JSON?v=1";
    expect(recordedLocation(root, url)).toBe(url);
    expect(resolveRecordedLocation(root, url)).toBe(url);
  });

  it("are none before the first import", async () => {
    expect(await readSources(path.join(await projectTempDir("sources"), "specs"))).toEqual([]);
  });

  it("refuse a file that is not YAML, naming it", async () => {
    const specsDir = path.join(await projectTempDir("sources"), "specs");
    await mkdir(specsDir);
    await writeFile(path.join(specsDir, "sources.yaml"), "- api: [pem\n");
    const error = await rejectionOf(readSources(specsDir));
    expect(error.message).toMatch(
      /sources\.yaml: is not valid YAML \(.+\)\. Restore the file from git, or import the spec again with `npm run specs:import`\.$/,
    );
  });
});

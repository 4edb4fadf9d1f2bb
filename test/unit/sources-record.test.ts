import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasRedactedCredentials, readSources, recordedLocation, resolveRecordedLocation, withoutCredentials } from "../../generator/importer/sources-record.js";
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

  it.each([
    ["https://alice:s3cret@example.com/api.json", "https://REDACTED@example.com/api.json", ["userinfo"]],
    [
      "https://gitlab.example.com/raw/spec.yaml?private_token=glpat-abc&ref=main",
      "https://gitlab.example.com/raw/spec.yaml?private_token=REDACTED&ref=main",
      ["private_token"],
    ],
    [
      "https://b.s3.amazonaws.com/s.json?X-Amz-Algorithm=AWS4&X-Amz-Credential=AKIA%2F1&X-Amz-Signature=f00&versionId=3",
      "https://b.s3.amazonaws.com/s.json?X-Amz-Algorithm=REDACTED&X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&versionId=3",
      ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature"],
    ],
    [
      "https://h/s.json?apiKey=k1&sig=s1&page=2#access_token=t1",
      "https://h/s.json?apiKey=REDACTED&sig=REDACTED&page=2#access_token=REDACTED",
      ["apiKey", "sig", "access_token"],
    ],
    ["https://h/s.json?pass%77ord=p1&design=1&keyboard=2", "https://h/s.json?pass%77ord=REDACTED&design=1&keyboard=2", ["password"]],
  ])("record %s without its credentials", (url, recorded, left) => {
    expect(recordedLocation(path.resolve("/projects/client"), url)).toBe(recorded);
    expect(withoutCredentials(url).left).toEqual(left);
    expect(hasRedactedCredentials(recorded)).toBe(true);
    expect(hasRedactedCredentials(url)).toBe(false);
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

import { beforeAll, describe, expect, it } from "vitest";
import { apiDocs } from "../../generator/diff/api-docs.js";
import { compareApis } from "../../generator/diff/compare.js";
import { type MigrationData, migrationData, migrationGuide } from "../../generator/diff/migration-guide.js";
import { packageManifest } from "../../generator/emit/package-manifest.js";
import type { ApiModel } from "../../generator/normalize/build-model.js";
import { shippedModel } from "../support/shipped-models.js";

const models = (api: string, versions: string[]): Promise<ApiModel[]> => Promise.all(versions.map((version) => shippedModel(api, version)));

describe("PMM v2 → v3 migration guide", () => {
  let data: MigrationData;
  let guide: string;
  beforeAll(async () => {
    const [v2, v3] = await models("pmm", ["v2", "v3"]);
    data = migrationData(compareApis(v2!, v3!));
    guide = migrationGuide(data);
  });

  it("shows each old call beside its new one, per old namespace", () => {
    expect(guide).toContain("## nodes\n");
    expect(guide).toMatch(
      /### `pmm\.nodes\.listNodes\(\)` → `pmm\.nodes\.listNodes\(\)` \(moved, confidence 0\.\d+\)\n\n`POST \/v1\/inventory\/Nodes\/List` → `GET \/v1\/inventory\/nodes`\n\n```ts\n\/\/ v2\npmm\.nodes\.listNodes\(\{ body: \{ node_type \} \}\)\n\/\/ v3\npmm\.nodes\.listNodes\(\{ query: \{ node_type \} \}\)\n```/,
    );
    expect(guide).toContain('- node_type: "GENERIC_NODE" → "NODE_TYPE_GENERIC_NODE"');
    expect(guide).toMatch(/### `pmm\.mySql\.addMySql\(\)` → `pmm\.management\.addService\(\)` \(merged under "mysql", confidence/);
  });

  it("says which calls have no successor, without inventing one", () => {
    expect(guide).toContain("### `pmm.server.awsInstanceCheck()`: removed\n\n`POST /v1/AWSInstanceCheck` has no successor in v3");
    expect(data.removed.map((r) => r.oldMethod)).toContain("server.awsInstanceCheck");
    expect(data.successors.map((s) => s.oldMethod)).not.toContain("server.awsInstanceCheck");
  });

  it("counts every removed v2 operation once, as moved, merged or removed", async () => {
    const [v2] = await models("pmm", ["v2"]);
    expect(data.successors.length + data.removed.length).toBe(v2!.operations.length);
    expect(guide).toContain(
      `${data.successors.filter((s) => s.kind === "moved").length} operations moved, ${data.successors.filter((s) => s.kind === "merged").length} merged into calls keyed by type, ${data.removed.length} removed with no successor`,
    );
  });
});

describe("migration files of a release sequence", () => {
  it("are made for each pair of consecutive versions, with the data as JSON that the package exports", async () => {
    const pem = await models("pem", ["v9", "v10", "v17", "token"]);
    const { migrations } = apiDocs("pem", pem);
    expect(migrations.map((m) => `${m.from}-${m.to}`)).toEqual(["v9-v10", "v10-v17"]);
    const first = JSON.parse(migrations[0]!.json) as MigrationData;
    expect(first).toMatchObject({ api: "pem", from: "v9", to: "v10", removed: [] });
    expect(migrations[0]!.markdown).toContain("# Moving from PEM v9 to v10");
    const manifest = JSON.parse(
      packageManifest(
        { name: "p", version: "1.0.0", license: "UNLICENSED", dependencies: {}, node: ">=20" },
        [{ api: "pem", version: "v9" }],
        ["pem/migrations/v9-v10.json"],
      ),
    );
    expect(manifest.exports["./pem/migrations/v9-v10.json"]).toBe("./pem/migrations/v9-v10.json");
  });
});

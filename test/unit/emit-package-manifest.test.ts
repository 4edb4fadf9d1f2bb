import { describe, expect, it } from "vitest";
import { type PackageInfo, packageManifest } from "../../generator/emit/package-manifest.js";

interface Given {
  info: PackageInfo;
  entries: { api: string; version: string }[];
  migrations?: string[];
}

const info: PackageInfo = { name: "pem-pmm-client", version: "1.2.3", license: "UNLICENSED", dependencies: { "openapi-fetch": "^0.17.0" }, node: ">=20.19" };
const common = {
  name: "pem-pmm-client",
  version: "1.2.3",
  license: "UNLICENSED",
  description: "Typed clients for the EDB Postgres Enterprise Manager and Percona Monitoring and Management REST APIs.",
  type: "module",
  sideEffects: false,
  engines: { node: ">=20.19" },
};
const tail = { bin: { "pem-pmm-client": "./bin/pem-pmm-client.js" }, dependencies: { "openapi-fetch": "^0.17.0" } };
/** A module's export: its ESM types, and CommonJS-format ones for `require`. */
const moduleExport = (folder: string, module: string) => ({
  require: { types: `./${folder}/${module}.d.cts`, default: `./${folder}/${module}.js` },
  types: `./${folder}/${module}.d.ts`,
  default: `./${folder}/${module}.js`,
});
/** A version's two entries: its index (`./pmm/v3`) and its path calls (`./pmm/v3/paths`). */
const versionExport = (entry: string) => ({ [`./${entry}`]: moduleExport(entry, "index"), [`./${entry}/paths`]: moduleExport(entry, "paths") });
const fixedExports = {
  "./runtime": { types: "./runtime/index.d.ts", default: "./runtime/index.js" },
  "./testing": { types: "./testing/index.d.ts", default: "./testing/index.js" },
  "./package.json": "./package.json",
};

const cases: [title: string, { given: Given; want: unknown }][] = [
  [
    "one export per version entry, in the order given, then the runtime and package.json",
    {
      given: {
        info,
        entries: [
          { api: "pem", version: "v9" },
          { api: "pmm", version: "v3" },
        ],
      },
      want: {
        ...common,
        exports: {
          ...versionExport("pem/v9"),
          ...versionExport("pmm/v3"),
          ...fixedExports,
        },
        ...tail,
      },
    },
  ],
  [
    "migration data files are exported as they are",
    {
      given: { info, entries: [{ api: "pmm", version: "v3" }], migrations: ["pmm/migrations/v2-v3.json"] },
      want: {
        ...common,
        exports: {
          ...versionExport("pmm/v3"),
          "./pmm/migrations/v2-v3.json": "./pmm/migrations/v2-v3.json",
          ...fixedExports,
        },
        ...tail,
      },
    },
  ],
  [
    "peer dependencies are all optional",
    {
      given: { info: { ...info, peerDependencies: { "ts-morph": "^28.0.0" } }, entries: [] },
      want: {
        ...common,
        exports: fixedExports,
        ...tail,
        peerDependencies: { "ts-morph": "^28.0.0" },
        peerDependenciesMeta: { "ts-morph": { optional: true } },
      },
    },
  ],
];

describe("packageManifest", () => {
  for (const [title, { given, want }] of cases) {
    it(title, () => {
      // Key order is part of the file: compare the text, two-space indented and ending in a newline.
      expect(packageManifest(given.info, given.entries, given.migrations)).toBe(`${JSON.stringify(want, null, 2)}\n`);
    });
  }
});

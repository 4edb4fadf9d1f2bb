/** What the generated package.json is made from: name, version, dependencies, supported Node.js versions, optional peers. */
export interface PackageInfo {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  /** The Node.js versions it supports: the project's own (`engines.node` of the root package.json). */
  node: string;
  /** An SPDX expression, or UNLICENSED. */
  license: string;
  /** Optional peers: what `npx pem-pmm-client upgrade` needs and a client user does not. */
  peerDependencies?: Record<string, string>;
}

/**
 * The generated package's package.json: an export per version entry and its `paths` entry, the runtime, the test kit (`testing`), and
 * `migrations` (the migration data files, `pmm/migrations/v2-v3.json`), exported as they are for other tools.
 */
export function packageManifest(info: PackageInfo, entries: readonly { api: string; version: string }[], migrations: readonly string[] = []): string {
  const exports: Record<string, unknown> = {};
  for (const { api, version } of entries) {
    const folder = `./${api}/${version}`;
    for (const module of VERSION_MODULES) {
      // A CommonJS consumer's `require` (Node.js ≥ 20.19 loads the ES module) gets types of CommonJS format: TypeScript's node16 refuses the ESM ones (TS1479).
      const entry = { types: `${folder}/${module}.d.ts`, default: `${folder}/${module}.js` };
      exports[module === "index" ? folder : `${folder}/${module}`] = { require: { ...entry, types: `${folder}/${requireTypes(module)}` }, ...entry };
    }
  }
  for (const file of migrations) exports[`./${file}`] = `./${file}`;
  exports["./runtime"] = { types: "./runtime/index.d.ts", default: "./runtime/index.js" };
  exports["./testing"] = { types: "./testing/index.d.ts", default: "./testing/index.js" };
  exports["./package.json"] = "./package.json";
  const manifest = {
    name: info.name,
    version: info.version,
    license: info.license,
    description: "Typed clients for the EDB Postgres Enterprise Manager and Percona Monitoring and Management REST APIs.",
    type: "module",
    sideEffects: false,
    engines: { node: info.node },
    exports,
    bin: { "pem-pmm-client": "./bin/pem-pmm-client.js" },
    dependencies: info.dependencies,
    ...(info.peerDependencies
      ? {
          peerDependencies: info.peerDependencies,
          peerDependenciesMeta: Object.fromEntries(Object.keys(info.peerDependencies).map((name) => [name, { optional: true }])),
        }
      : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The modules of a version that are entries of the package: `pmm/v3` (index) and `pmm/v3/paths`. */
export const VERSION_MODULES = ["index", "paths"] as const;

/** The types file of an entry's `require` condition, beside its `.d.ts`. */
export function requireTypes(module: (typeof VERSION_MODULES)[number]): string {
  return `${module}.d.cts`;
}

/** Its text: the entry's types, re-exported in a file of CommonJS format. */
export function requireTypesText(module: (typeof VERSION_MODULES)[number]): string {
  return `export * from "./${module}.js";\n`;
}

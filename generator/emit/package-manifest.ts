/** The `package.json` of the generated client package. */
export interface PackageInfo {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  /** The Node.js versions it supports: the project's own (`engines.node` of the root package.json). */
  node: string;
}

export function packageManifest(info: PackageInfo, entries: readonly { api: string; version: string }[]): string {
  const exports: Record<string, unknown> = {};
  for (const { api, version } of entries) {
    exports[`./${api}/${version}`] = { types: `./${api}/${version}/index.d.ts`, default: `./${api}/${version}/index.js` };
  }
  exports["./runtime"] = { types: "./runtime/index.d.ts", default: "./runtime/index.js" };
  exports["./package.json"] = "./package.json";
  const manifest = {
    name: info.name,
    version: info.version,
    description: "Typed clients for the EDB Postgres Enterprise Manager and Percona Monitoring and Management REST APIs.",
    type: "module",
    sideEffects: false,
    engines: { node: info.node },
    exports,
    dependencies: info.dependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

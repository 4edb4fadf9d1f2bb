// A module loader hook for the compiler thread. `typescript` is one 9 MB CommonJS file; when
// ESM code (openapi-typescript) imports it, Node first scans all of it for export names,
// which takes longer than loading it. Its importers here use only the default export, so it
// is served as a two-line ES module that `require`s it: the same module object, unscanned.
import { fileURLToPath } from "node:url";

const TYPESCRIPT_ENTRY = /\/node_modules\/typescript\/lib\/typescript\.js$/;

export async function load(url, context, nextLoad) {
  if (!TYPESCRIPT_ENTRY.test(url)) return nextLoad(url, context);
  return {
    format: "module",
    shortCircuit: true,
    source: `import { createRequire } from "node:module";\nexport default createRequire(import.meta.url)(${JSON.stringify(fileURLToPath(url))});\n`,
  };
}

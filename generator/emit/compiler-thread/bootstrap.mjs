// The compiler thread's entry. A worker thread does not inherit its parent's loaders: it
// registers the hook below and, unless it runs compiled (generator/launch.mjs), tsx, then
// loads the thread's module.
import { existsSync } from "node:fs";
import { register } from "node:module";

register("./typescript-as-esm.mjs", import.meta.url);
const compiled = new URL("./thread.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  await import("./thread.ts");
}

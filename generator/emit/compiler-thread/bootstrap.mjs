// The compiler thread's entry. A worker thread does not inherit its parent's loaders: it
// registers the hook below and, unless its parent runs compiled (generator/launch.mjs, which
// says so in workerData), tsx, then loads the thread's module.
import { register } from "node:module";
import { workerData } from "node:worker_threads";

register("./typescript-as-esm.mjs", import.meta.url);
if (workerData?.compiled) {
  await import("./thread.js");
} else {
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  await import("./thread.ts");
}

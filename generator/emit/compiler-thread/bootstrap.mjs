// The compiler thread's entry. A worker thread does not inherit the tsx loader its parent
// runs under: register it here, with the hook below, then load the thread's TypeScript source.
import { register } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

registerTsx();
register("./typescript-as-esm.mjs", import.meta.url);
await import("./thread.ts");

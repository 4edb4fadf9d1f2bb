import { parentPort } from "node:worker_threads";
import { SpecError } from "../../errors.js";
import { emitRuntimeFiles } from "../runtime-files.js";
import { emitSchemaTypes } from "../schema-types.js";
import { emitUpgradeBin } from "../upgrade-bin.js";
import type { CompilerReply, CompilerRequest, CompilerResults, CompilerTask } from "./protocol.js";

const port = parentPort!;
// openapi-typescript prints each problem to stderr before it throws it; the SpecError the
// main thread makes of that throw says it once, so this thread prints nothing.
console.error = () => undefined;

/** Each kind of task, done. */
const run: { [K in CompilerTask["kind"]]: (task: Extract<CompilerTask, { kind: K }>) => CompilerResults[K] } = {
  schemaTypes: (task) => emitSchemaTypes(task.source, task.documentJson),
  templateFolder: (task) => emitRuntimeFiles(task.templatesDir, task.folder),
  packageBin: (task) => emitUpgradeBin(task.generatorDir),
};

// The compiler thread's side: runs each request, in order, and answers with its result or its error.
port.on("message", ({ id, task }: CompilerRequest) => {
  try {
    const started = performance.now();
    const result = run[task.kind](task as never);
    port.postMessage({ id, result, milliseconds: performance.now() - started } satisfies CompilerReply);
  } catch (error) {
    const failure =
      error instanceof SpecError
        ? { kind: "spec" as const, file: error.file, pointer: error.pointer, problem: error.problem, remedy: error.remedy }
        : { kind: "internal" as const, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    port.postMessage({ id, failure } satisfies CompilerReply);
  }
});

import { parentPort } from "node:worker_threads";
import { SpecError } from "../../errors.js";
import { emitSchemaTypes } from "../schema-types.js";
import type { CompilerReply, CompilerRequest } from "./protocol.js";

const port = parentPort!;
// openapi-typescript prints each problem to stderr before it throws it; the SpecError the
// main thread makes of that throw says it once, so this thread prints nothing.
console.error = () => undefined;
// The compiler thread's side: runs each request and answers with its result or its error.
port.on("message", async (request: CompilerRequest) => {
  try {
    const started = performance.now();
    const types = emitSchemaTypes(request.source, request.document);
    port.postMessage({ id: request.id, types, milliseconds: performance.now() - started } satisfies CompilerReply);
  } catch (error) {
    const failure =
      error instanceof SpecError
        ? { kind: "spec" as const, file: error.file, pointer: error.pointer, problem: error.problem, remedy: error.remedy }
        : { kind: "internal" as const, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    port.postMessage({ id: request.id, failure } satisfies CompilerReply);
  }
});

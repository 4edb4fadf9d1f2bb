import { Worker } from "node:worker_threads";
import type { OpenApiDocument } from "../../convert/to-openapi3.js";
import { SpecError } from "../../errors.js";
import type { CompilerReply, CompilerRequest, CompilerResults, CompilerTask } from "./protocol.js";

/** One document's schema types, and the time the thread spent on them (not the time queued). */
export interface SchemaTypes {
  types: string;
  milliseconds: number;
}

const BOOTSTRAP = new URL("./bootstrap.mjs", import.meta.url);

/** A task's result, and the time the thread spent on it. */
interface Done<T> {
  result: T;
  milliseconds: number;
}

/**
 * openapi-typescript, and every compile of templates/ and of the package's command, run on a
 * worker thread with the `typescript` compiler, so that they overlap with validation,
 * conversion and ts-morph emission on the main thread, which never loads that compiler.
 * Requests are answered in order.
 */
export class CompilerThread {
  // Compiled (generator/launch.mjs) when this module is JavaScript: the thread runs its compiled module too.
  private readonly worker = new Worker(BOOTSTRAP, { workerData: { compiled: import.meta.url.endsWith(".js") } });
  private readonly pending = new Map<number, { resolve: (done: Done<unknown>) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  /** Why the thread stopped, once it has: later requests fail with it at once. */
  private stopped: Error | undefined;

  constructor() {
    // Idle, the thread does not keep the process alive; while it owes an answer, it does.
    // (An unref before the thread is online does not last, so it waits for that.)
    this.worker.once("online", () => {
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on("message", (reply: CompilerReply) => this.settle(reply));
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => this.failAll(new Error(`the compiler thread stopped (exit code ${code})`)));
  }

  /** The `paths`, `components` and `operations` types of one converted document. */
  async schemaTypes(source: string, document: OpenApiDocument): Promise<SchemaTypes> {
    const { result, milliseconds } = await this.run({ kind: "schemaTypes", source, documentJson: JSON.stringify(document) });
    return { types: result, milliseconds };
  }

  /** A folder of templates/ compiled, as emitRuntimeFiles gives it. */
  async templateFolder(templatesDir: string, folder: string): Promise<Map<string, string>> {
    return (await this.run({ kind: "templateFolder", templatesDir, folder })).result;
  }

  /** The package's command compiled from generator/, as emitUpgradeBin gives it. */
  async packageBin(generatorDir: string): Promise<Map<string, string>> {
    return (await this.run({ kind: "packageBin", generatorDir })).result;
  }

  private run<T extends CompilerTask>(task: T): Promise<Done<CompilerResults[T["kind"]]>> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (done: Done<unknown>) => void, reject });
      this.worker.postMessage({ id, task } satisfies CompilerRequest);
    });
  }

  /** Stops the thread. Requests still pending stay unanswered: close once nothing waits for them. */
  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    this.stopped ??= new Error("the compiler thread was closed");
    await this.worker.terminate();
  }

  private settle(reply: CompilerReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (!waiting) return;
    if ("result" in reply) {
      waiting.resolve({ result: reply.result, milliseconds: reply.milliseconds });
      return;
    }
    const { failure } = reply;
    waiting.reject(failure.kind === "spec" ? new SpecError(failure.file, failure.pointer, failure.problem, failure.remedy) : new Error(failure.message));
  }

  private failAll(error: Error): void {
    this.stopped ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  /** Whether the thread has stopped: it answers nothing more. */
  get hasStopped(): boolean {
    return this.stopped !== undefined;
  }
}

let shared: CompilerThread | undefined;

/**
 * The process's compiler thread, started on first use and again if it stopped. Starting one
 * loads the compiler (about a second), which every generation in a process (the versions of a
 * package, each `--spec` run of a test suite) would otherwise pay again.
 */
export function sharedCompilerThread(): CompilerThread {
  if (!shared || shared.hasStopped) shared = new CompilerThread();
  return shared;
}

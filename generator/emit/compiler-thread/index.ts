import { Worker } from "node:worker_threads";
import type { OpenApiDocument } from "../../convert/to-openapi3.js";
import { SpecError } from "../../errors.js";
import type { CompilerReply, CompilerRequest } from "./protocol.js";

/** One document's schema types, and the time the thread spent on them (not the time queued). */
export interface SchemaTypes {
  types: string;
  milliseconds: number;
}

/**
 * openapi-typescript (and the `typescript` compiler it loads) runs on a worker thread, so
 * that loading and running it overlaps with validation, conversion and ts-morph emission on
 * the main thread, which never loads that compiler. Requests are answered in order.
 */
export class CompilerThread {
  private readonly worker = new Worker(new URL("./bootstrap.mjs", import.meta.url));
  private readonly pending = new Map<number, { resolve: (result: SchemaTypes) => void; reject: (error: Error) => void }>();
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
  schemaTypes(source: string, document: OpenApiDocument): Promise<SchemaTypes> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, source, document } satisfies CompilerRequest);
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
    if ("types" in reply) {
      waiting.resolve({ types: reply.types, milliseconds: reply.milliseconds });
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

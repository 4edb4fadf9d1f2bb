import type { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { CompilerThread } from "../../generator/emit/compiler-thread/index.js";
import { SpecError } from "../../generator/errors.js";

const compiler = new CompilerThread();
afterAll(() => compiler.close());

const documentWith = (schema: object) => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: { "/things": { get: { operationId: "ListThings", responses: { "200": { description: "", content: { "application/json": { schema } } } } } } },
});

describe("the compiler thread", () => {
  it("answers each request with its own document's types, in order", async () => {
    const names = ["alpha", "beta", "gamma"];
    const arrived: string[] = [];
    const answers = await Promise.all(
      names.map((name) =>
        compiler
          .schemaTypes(`${name}.yaml`, documentWith({ type: "object", properties: { [name]: { type: "string" } } }) as never)
          .finally(() => arrived.push(name)),
      ),
    );
    for (const [index, { types }] of answers.entries()) expect(types).toContain(`${names[index]}?: string`);
    expect(arrived).toEqual(names);
  });

  it("fails every later request at once when the thread has stopped, instead of leaving it unanswered", async () => {
    const doomed = new CompilerThread();
    await doomed.schemaTypes("first.yaml", documentWith({ type: "string" }) as never);
    // What a crash of the thread looks like from here: it exits.
    await (doomed as unknown as { worker: Worker }).worker.terminate();
    await expect(doomed.schemaTypes("later.yaml", documentWith({ type: "string" }) as never)).rejects.toThrow("the compiler thread stopped");
  });

  it("hands a failure back as a SpecError that names the spec file", async () => {
    // An array whose items are no schema: openapi-typescript's transform throws on it.
    const error = await compiler.schemaTypes("broken.yaml", documentWith({ type: "array", items: 5 }) as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).file).toBe("broken.yaml");
    expect((error as SpecError).message).toMatch(/^broken\.yaml: could not be turned into TypeScript types/);
  });
});

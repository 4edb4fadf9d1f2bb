import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { CompilerThread } from "../../generator/emit/compiler-thread/index.js";
import { emitRuntimeFiles } from "../../generator/emit/runtime-files.js";
import { SpecError } from "../../generator/errors.js";
import { projectTempDir } from "../support/paths.js";

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

  it("compiles a folder of templates/ as emitRuntimeFiles does here, and hands back its compile error as a SpecError", async () => {
    const templates = await projectTempDir("thread-templates");
    await mkdir(path.join(templates, "runtime"));
    await writeFile(path.join(templates, "runtime/index.ts"), "/** How often. */\nexport const retries: number = 3;\n");
    const compiled = await compiler.templateFolder(templates, "runtime");
    expect([...compiled.keys()]).toEqual(["index.js", "index.d.ts"]);
    expect(compiled).toEqual(emitRuntimeFiles(templates, "runtime"));
    await writeFile(path.join(templates, "runtime/bad.ts"), "export function f(value: number) {\n  return value;\n}\n");
    const error = await compiler.templateFolder(templates, "runtime").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toContain("bad.ts:1: the runtime does not compile");
  });

  it("describes a schema that two properties share (a YAML alias) once in each place", async () => {
    const shared = { type: "string", maxLength: 64 };
    const { types } = await compiler.schemaTypes("aliased.yaml", documentWith({ type: "object", properties: { a: shared, b: shared } }) as never);
    expect(types.split("\n").filter((line) => line.includes("at most 64 characters"))).toEqual([
      expect.stringMatching(/^ +\/\*\* @description `string`, at most 64 characters \*\/$/),
      expect.stringMatching(/^ +\/\*\* @description `string`, at most 64 characters \*\/$/),
    ]);
  });
});

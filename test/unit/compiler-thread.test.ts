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
    const answers = await Promise.all(["alpha", "beta", "gamma"].map((name) => compiler.schemaTypes(`${name}.yaml`, documentWith({ type: "object", properties: { [name]: { type: "string" } } }) as never)));
    answers.forEach((types, index) => expect(types).toContain(`${["alpha", "beta", "gamma"][index]}?: string`));
  });

  it("hands a failure back as a SpecError that names the spec file", async () => {
    const error = await compiler.schemaTypes("broken.yaml", documentWith({ $ref: "#/components/schemas/Missing" }) as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).file).toBe("broken.yaml");
    expect((error as SpecError).message).toMatch(/^broken\.yaml: could not be turned into TypeScript types/);
  });
});

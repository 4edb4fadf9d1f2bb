import { describe, expect, it } from "vitest";
import { ResponseValidationError, type ValidationProblem } from "../../templates/runtime/errors.js";
import { resolveLogger } from "../../templates/runtime/logger.js";
import { createValidation } from "../../templates/runtime/validation.js";

/** Which check the runtime picks for an answer's status: the status itself, else its range, else none. */
const call = { operation: "things.list", method: "GET", path: "/things" };
const refuse = (name: string) => (_body: unknown, problems: ValidationProblem[]) => void problems.push({ pointer: "", expected: name, received: "x" });

async function expectedFor(responses: Record<string, ReturnType<typeof refuse>>, status: number): Promise<string | undefined> {
  const validation = createValidation(async () => ({ responses: { "things.list": responses }, requests: {} }), resolveLogger({}));
  const error = await validation
    .response(call, status, {}, "strict", () => [])
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  if (error === undefined) return undefined;
  expect(error).toBeInstanceOf(ResponseValidationError);
  return (error as ResponseValidationError).problems[0]!.expected;
}

describe("the check for a status", () => {
  it("is the status's own, else its range's (2XX), else there is none", async () => {
    expect(await expectedFor({ "200": refuse("200"), "2XX": refuse("2XX") }, 200)).toBe("200");
    expect(await expectedFor({ "200": refuse("200"), "2XX": refuse("2XX") }, 201)).toBe("2XX");
    expect(await expectedFor({ "200": refuse("200") }, 204)).toBeUndefined();
  });

  it("that accepts anything still expects a body", async () => {
    const validation = createValidation(async () => ({ responses: { "things.list": { "200": () => {} } }, requests: {} }), resolveLogger({}));
    const error = await validation
      .response(call, 200, undefined, "strict", () => [])
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as ResponseValidationError).problems).toEqual([{ pointer: "", expected: "a body", received: "nothing" }]);
  });

  it("warns again about the oldest places once it remembers 1000, so its memory stays bounded", async () => {
    let next = 0;
    const warned: string[] = [];
    const each = (_body: unknown, problems: ValidationProblem[]) =>
      void problems.push({ pointer: `/${next}`, place: `/${next++}`, expected: "x", received: "y" } as ValidationProblem);
    const validation = createValidation(
      async () => ({ responses: { "things.list": { "200": each } }, requests: {} }),
      resolveLogger({ warn: (_m, details) => void warned.push(String(details?.pointer)) }),
    );
    for (let i = 0; i <= 1000; i++) await validation.response(call, 200, {}, "warn", () => []);
    next = 0;
    await validation.response(call, 200, {}, "warn", () => []);
    expect(warned).toHaveLength(1002);
    expect(warned.at(-1)).toBe("/0");
  });

  it("is never an Object.prototype member", async () => {
    const validation = createValidation(async () => ({ responses: {}, requests: {} }), resolveLogger({}));
    await expect(validation.response({ ...call, operation: "constructor" }, 200, {}, "strict", () => [])).resolves.toBeUndefined();
    await expect(validation.request({ ...call, operation: "toString" }, {}, "strict", () => [])).resolves.toBeUndefined();
  });
});

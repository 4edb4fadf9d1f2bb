import { expect } from "vitest";

/** What `promise` rejects with; the test fails if it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected a rejection").toBeInstanceOf(Error);
  return error as Error;
}

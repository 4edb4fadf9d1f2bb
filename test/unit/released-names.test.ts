import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiModel } from "../../generator/normalize/build-model.js";
import { shippedModels } from "../support/shipped-models.js";

/**
 * A method name, once released, is what users' code calls: it must not change. Each
 * test/fixtures/released-names/<api>.txt lists `METHOD /path → namespace.method` for every
 * operation shipped so far; append a release's new ones when it ships (a version added
 * without that keeps the suite green), and never edit a line.
 */
const released = (api: string) =>
  new Map(
    readFileSync(path.join(import.meta.dirname, `../fixtures/released-names/${api}.txt`), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(" → ") as [string, string]),
  );

describe.each(["pem", "pmm"])("released %s method names", (api) => {
  let models: ApiModel[];
  beforeAll(async () => {
    models = (await shippedModels()).filter(({ spec }) => spec.api === api && /^v\d/.test(spec.version)).map(({ model }) => model);
  });

  it("are the names every shipped version gives those operations", () => {
    const names = released(api);
    const renamed: string[] = [];
    for (const model of models) {
      for (const op of model.operations) {
        const shipped = names.get(`${op.httpMethod.toUpperCase()} ${op.path}`);
        if (shipped && shipped !== `${op.namespace}.${op.name}`)
          renamed.push(`${model.version}: ${op.httpMethod.toUpperCase()} ${op.path} was ${shipped}, now ${op.namespace}.${op.name}`);
      }
    }
    expect(renamed).toEqual([]);
  });
});

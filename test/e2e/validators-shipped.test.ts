import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emitValidators } from "../../generator/emit/validators.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { type ApiModel, isJson } from "../../generator/normalize/build-model.js";
import { resolveRef } from "../../generator/normalize/resolve-ref.js";
import { loadModel } from "../../generator/pipeline.js";
import type { ValidationProblem } from "../../templates/runtime/errors.js";
import type { ValidatorModule } from "../../templates/runtime/options.js";
import { projectTempDir, SPECS_DIR } from "../support/paths.js";
import { sampleOf } from "../support/schema-sample.js";
import { shippedModel } from "../support/shipped-models.js";

/**
 * Every shipped version's validators against its own spec: each success response schema
 * accepts a body made from the schema and the spec's examples, and refuses a body of another type.
 */
const specs = await discoverSpecs(SPECS_DIR);

/** A JSON value of none of the types `types` names. */
function otherThan(types: string[]): unknown {
  return types.includes("string") ? 12 : "not the documented type";
}

/** The examples a response's media object holds: `example`, `examples.*.value`, and its schema's `example`. */
function examplesOf(document: Record<string, any>, media: Record<string, any>): unknown[] {
  const found: unknown[] = [];
  if (Object.hasOwn(media, "example")) found.push(media.example);
  for (const example of Object.values<any>(media.examples ?? {})) if (example && Object.hasOwn(example, "value")) found.push(example.value);
  const schema = resolveRef<any>(document, media.schema ?? {});
  if (Object.hasOwn(schema, "example")) found.push(schema.example);
  return found;
}

/**
 * Emits a spec's validators and runs every success response schema's check on a body made from
 * the schema and on each of the spec's examples (each must pass), and on a body of another type
 * (which must fail): what disagrees, and how many examples were read.
 */
async function checkAgainstOwnSpec(file: string, model: ApiModel): Promise<{ checked: number; examples: number; failures: string[] }> {
  const out = path.join(await projectTempDir("validators"), "validators.js");
  await writeFile(out, emitValidators(model, file));
  const validators: ValidatorModule = await import(pathToFileURL(out).href);
  const document = model.document as Record<string, any>;
  const result = { checked: 0, examples: 0, failures: [] as string[] };
  for (const op of model.operations) {
    const operation = document.paths[op.path][op.httpMethod];
    for (const media of op.success) {
      if (!media.contentType || !isJson(media.contentType)) continue;
      const content = resolveRef<any>(document, operation.responses[media.status]).content[media.contentType];
      if (!content?.schema) continue;
      const where = `${op.namespace}.${op.name} ${media.status}`;
      const check = validators.responses[`${op.namespace}.${op.name}`]?.[media.status];
      if (typeof check !== "function") {
        result.failures.push(`${where}: no check`);
        continue;
      }
      const examples = examplesOf(document, content);
      result.examples += examples.length;
      for (const [index, body] of [sampleOf(document, content.schema), ...examples].entries()) {
        const problems: ValidationProblem[] = [];
        check(body, problems);
        if (problems.length > 0) result.failures.push(`${where} ${index === 0 ? "generated body" : `example ${index}`}: ${JSON.stringify(problems)}`);
      }
      const type = resolveRef<any>(document, content.schema).type;
      if (typeof type === "string") {
        const problems: ValidationProblem[] = [];
        check(otherThan([type]), problems);
        if (problems.length !== 1) result.failures.push(`${where}: a body of another type gave ${problems.length} problems`);
      }
      result.checked++;
    }
  }
  return result;
}

describe.each(specs.map((s) => [`${s.api}/${s.version}`, s] as const))("%s validators", (_name, spec) => {
  it("accept a body generated from every success response schema and the spec's examples, and refuse a body of another type", async () => {
    const { checked, failures } = await checkAgainstOwnSpec(spec.file, await shippedModel(spec.api, spec.version));
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

describe("a spec's own examples", () => {
  it("are read from a response's example and examples and its schema's example, and one that disagrees is reported", async () => {
    // No shipped spec has examples: this fixture shows that the check above reads them.
    const file = path.join(import.meta.dirname, "../fixtures/validation/examples.yaml");
    const model = await loadModel(file, { name: "examples", auth: "pmm", naming: "operationId", int64: "string" }, "v1");
    const result = await checkAgainstOwnSpec(file, model);
    expect(result.examples).toBe(4);
    expect(result.failures).toEqual([
      `things.getThing 200 example 2: ${JSON.stringify([{ pointer: "/size", place: "/size", expected: "integer", received: "string" }])}`,
    ]);
  });
});

describe("a schema that allows any value", () => {
  it("gets no check of its own: no empty function, no call of one", async () => {
    const file = path.join(import.meta.dirname, "../fixtures/validation/anything.yaml");
    const model = await loadModel(file, { name: "anything", auth: "pmm", naming: "operationId", int64: "string" }, "v1");
    const code = emitValidators(model, file);
    expect(code).not.toMatch(/function \w+\(v, e\) \{\s*\}/);
    const out = path.join(await projectTempDir("validators-anything"), "validators.js");
    await writeFile(out, code);
    const { responses }: ValidatorModule = await import(pathToFileURL(out).href);
    const problems: ValidationProblem[] = [];
    responses["things.getAny"]!["200"]!(7, problems);
    responses["things.getMixed"]!["200"]!({ free: 1, either: 2, wrapped: [3], referenced: null, name: 4 }, problems);
    expect(problems.map((p) => p.pointer)).toEqual(["/name"]);
    // Only the object and its one typed property are checked.
    expect(code.match(/^function /gm)).toHaveLength(1);
  });
});

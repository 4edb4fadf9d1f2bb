import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emitValidators } from "../../generator/emit/validators.js";
import { readApiConfig } from "../../generator/load/api-config.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { isJson } from "../../generator/normalize/build-model.js";
import { loadModel } from "../../generator/pipeline.js";
import type { ValidationProblem } from "../../templates/runtime/errors.js";
import type { ValidatorModule } from "../../templates/runtime/options.js";
import { SPECS_DIR, projectTempDir } from "../support/paths.js";
import { resolve, sampleOf } from "../support/schema-sample.js";

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
  const schema = resolve(document, media.schema ?? {});
  if (Object.hasOwn(schema, "example")) found.push(schema.example);
  return found;
}

describe.each(specs.map((s) => [`${s.api}/${s.version}`, s] as const))("%s validators", (_name, spec) => {
  it("accept a body generated from every success response schema and the spec's examples, and refuse a body of another type", async () => {
    const model = await loadModel(spec.file, await readApiConfig(path.join(SPECS_DIR, spec.api)), spec.version);
    const file = path.join(await projectTempDir("validators"), "validators.js");
    await writeFile(file, emitValidators(model, spec.file));
    const validators: ValidatorModule = await import(pathToFileURL(file).href);
    const document = model.document as Record<string, any>;
    let checked = 0;
    for (const op of model.operations) {
      const operation = document.paths[op.path][op.method];
      for (const media of op.success) {
        if (!media.contentType || !isJson(media.contentType)) continue;
        const content = resolve(document, operation.responses[media.status]).content[media.contentType];
        if (!content?.schema) continue;
        const check = validators.responses[`${op.namespace}.${op.name}`]?.[media.status];
        expect(check, `${op.namespace}.${op.name} ${media.status}`).toBeTypeOf("function");
        for (const body of [sampleOf(document, content.schema), ...examplesOf(document, content)]) {
          const problems: ValidationProblem[] = [];
          check!(body, problems);
          expect(problems, `${op.namespace}.${op.name} ${media.status}`).toEqual([]);
        }
        const type = resolve(document, content.schema).type;
        if (typeof type === "string") {
          const problems: ValidationProblem[] = [];
          check!(otherThan([type]), problems);
          expect(problems, `${op.namespace}.${op.name} ${media.status}`).toHaveLength(1);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toOpenApi3 } from "../../generator/convert/to-openapi3.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { readDocument } from "../../generator/load/read-document.js";
import { hasReference, NEEDS_REFERENCE, REFERENCE_DIR, SPECS_DIR } from "../support/paths.js";
import { structureFacts } from "../support/structure.js";

/**
 * Swagger 2.0 → OpenAPI 3 converters have lost parameters and properties on real
 * documents before: every operation, parameter (with type, format, enum, required) and
 * schema property reachable from an operation must survive conversion.
 */
async function expectLossless(file: string) {
  const { document } = await readDocument(file);
  const converted = await toOpenApi3(file, document);
  const before = structureFacts(document);
  const after = structureFacts(converted as never);
  expect(after.operations).toEqual(before.operations);
  expect(after.parameters).toEqual(before.parameters);
  expect(after.properties).toEqual(before.properties);
  expect(before.operations.length).toBeGreaterThan(0);
  return before;
}

const shipped = (await discoverSpecs(SPECS_DIR)).map((spec) => path.relative(SPECS_DIR, spec.file));
const reference = hasReference
  ? ["pem", "pmm"]
      .flatMap((api) =>
        readdirSync(path.join(REFERENCE_DIR, api))
          .filter((f) => f.endsWith(".json"))
          .map((f) => path.join(api, f)),
      )
      .sort()
  : [];

describe("conversion keeps every structural fact", () => {
  it("on the edge-case fixture (formData, file, $ref cycles, allOf, csv arrays, path-level params)", async () => {
    const facts = await expectLossless(path.join(import.meta.dirname, "../fixtures/swagger2-edge-cases.yaml"));
    expect(facts.parameters).toContain("POST /upload body:file! string/binary");
    expect(facts.properties).toContain("GET /nodes/{node_id} 200.id! string/int64");
    expect(facts.parameters).toContain("GET /nodes/{node_id} query:tags array[string]");
  });

  it.each(shipped)("on specs/%s", async (file) => {
    await expectLossless(path.join(SPECS_DIR, file));
  });

  if (hasReference) {
    it.each(reference)("on ../shared/reference/%s", async (file) => {
      await expectLossless(path.join(REFERENCE_DIR, file));
    });
  } else {
    it.skip(`on the documents in ../shared/reference (${NEEDS_REFERENCE})`);
  }

  it("leaves the input document untouched", async () => {
    const { document } = await readDocument(path.join(import.meta.dirname, "../fixtures/swagger2-edge-cases.yaml"));
    const copy = structuredClone(document);
    await toOpenApi3("fixture", document);
    expect(document).toEqual(copy);
  });
});

type Json = Record<string, unknown>;

const PROSE_KEYS = new Set(["description", "summary", "title", "externalDocs"]);

/** Maps whose keys are names chosen by the API's authors, not specification keywords. */
const NAMED_MAPS = new Set([
  "properties",
  "patternProperties",
  "definitions",
  "paths",
  "responses",
  "headers",
  "securityDefinitions",
  "securitySchemes",
  "schemas",
  "parameters",
  "requestBodies",
  "links",
  "callbacks",
  "pathItems",
  "content",
  "encoding",
  "variables",
  "scopes",
  "mapping",
  "$defs",
  "dependentSchemas",
  "webhooks",
]);

/** Keys whose values are examples or enums: data, never walked for prose. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "x-example"]);

/**
 * Removes upstream prose (descriptions, summaries, titles, external docs) from an API
 * description while keeping every structural fact. Keys inside maps whose keys are
 * user-chosen names (schema `properties`, `paths`, `definitions`, …) are names, not
 * prose, so a property called `description` survives.
 */
export function stripProse(document: Json, title: string): Json {
  const stripped = stripObject(document) as Json;
  const info = (document.info ?? {}) as Json;
  stripped.info = { title, version: info.version ?? "" };
  // Swagger 2.0 and OpenAPI 3 require a description on every response; keep the key, drop the text.
  requireResponseDescriptions(stripped);
  for (const key of Object.keys(stripped)) if (key.startsWith("x-")) delete stripped[key];
  return stripped;
}

function stripObject(node: unknown, parentKey = ""): unknown {
  if (Array.isArray(node)) return node.map((item) => stripObject(item));
  if (node === null || typeof node !== "object") return node;
  const namedMap = NAMED_MAPS.has(parentKey);
  const result: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (namedMap) {
      result[key] = stripObject(value);
    } else if (PROSE_KEYS.has(key) && (typeof value === "string" || key === "externalDocs")) {
    } else if (DATA_KEYS.has(key)) {
      result[key] = value;
    } else {
      result[key] = stripObject(value, key);
    }
  }
  return result;
}

function requireResponseDescriptions(document: Json): void {
  const visit = (responses: unknown) => {
    for (const response of Object.values((responses ?? {}) as Record<string, Json>)) {
      if (response && typeof response === "object" && !("$ref" in response)) response.description ??= "";
    }
  };
  for (const item of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(item ?? {})) {
      if (operation && typeof operation === "object" && !Array.isArray(operation)) visit((operation as Json).responses);
    }
  }
  visit(document.responses);
  visit((document.components as Json | undefined)?.responses);
}

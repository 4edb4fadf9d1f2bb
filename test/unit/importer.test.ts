import { describe, expect, it } from "vitest";
import { canonicalYaml } from "../../generator/importer/canonical-yaml.js";
import { stripProse } from "../../generator/importer/strip-prose.js";
import { validateDocument } from "../../generator/validate/validate-document.js";

const upstream = () => ({
  swagger: "2.0",
  info: { title: "Upstream title", description: "Long upstream prose", version: "v3", contact: { name: "x" } },
  "x-readme": { "samples-languages": ["curl"] },
  tags: [{ name: "NodesService", description: "About nodes" }],
  paths: {
    "/v1/nodes": {
      post: {
        summary: "List Nodes",
        description: "Returns a list of all Nodes.",
        operationId: "ListNodes",
        tags: ["NodesService"],
        parameters: [
          {
            name: "body",
            in: "body",
            required: true,
            schema: {
              type: "object",
              title: "Body title",
              properties: { description: { type: "string", description: "a property called description" }, title: { type: "string" } },
            },
          },
        ],
        responses: {
          "200": {
            description: "A successful response.",
            schema: {
              type: "object",
              properties: {
                examples: { type: "array", items: { type: "string" } },
                count: { type: "string", format: "int64", example: { description: "data, kept" } },
              },
            },
          },
          default: { description: "An unexpected error response.", schema: { type: "object", properties: { code: { type: "integer", format: "int32" } } } },
        },
      },
    },
  },
});

describe("prose stripping", () => {
  it("drops descriptions, summaries, titles and top-level extensions", () => {
    const text = canonicalYaml(stripProse(upstream(), "pmm v3"));
    for (const prose of [
      "Upstream title",
      "Long upstream prose",
      "About nodes",
      "List Nodes",
      "Returns a list",
      "A successful response",
      "Body title",
      "a property called description",
      "samples-languages",
    ]) {
      expect(text).not.toContain(prose);
    }
  });

  it("keeps every structural fact, including properties named description, title and examples", () => {
    const stripped = stripProse(upstream(), "pmm v3") as any;
    const op = stripped.paths["/v1/nodes"].post;
    expect(op.operationId).toBe("ListNodes");
    expect(Object.keys(op.parameters[0].schema.properties)).toEqual(["description", "title"]);
    expect(Object.keys(op.responses["200"].schema.properties)).toEqual(["examples", "count"]);
    expect(op.responses["200"].schema.properties.count).toEqual({ type: "string", format: "int64", example: { description: "data, kept" } });
    expect(op.responses.default.description).toBe("");
    expect(stripped.info).toEqual({ title: "pmm v3", version: "v3" });
  });

  it("leaves a valid document behind", async () => {
    await expect(validateDocument("x.json", stripProse(upstream(), "pmm v3"))).resolves.toBeUndefined();
  });
});

describe("canonical YAML", () => {
  it("sorts keys at every level and is stable", () => {
    const a = canonicalYaml({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 3 } });
    const b = canonicalYaml({ a: { c: 3, d: [{ y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe("a:\n  c: 3\n  d:\n    - y: 2\n      z: 1\nb: 1\n");
  });
});

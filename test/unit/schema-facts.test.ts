import { describe, expect, it } from "vitest";
import { describeProperties } from "../../generator/emit/property-docs.js";
import { operationDoc } from "../../generator/emit/tsdoc.js";
import { buildModel } from "../../generator/normalize/build-model.js";
import { type SchemaFacts, schemaFacts } from "../../generator/normalize/schema-facts.js";
import { operationModel } from "../support/models.js";

/** What the generated docs say of a value, from its schema's structure alone. */
const facts: [title: string, { given: unknown; want: SchemaFacts }][] = [
  ["a plain string: its type, nothing more", { given: { type: "string" }, want: { type: "string", details: [] } }],
  ["an enum: its values as a union", { given: { type: "string", enum: ["A", "B"] }, want: { type: '"A" | "B"', details: [] } }],
  [
    "a long enum: its base type and the count of its values",
    { given: { type: "integer", enum: Array.from({ length: 13 }, (_, i) => i) }, want: { type: "number", details: ["one of 13 values"] } },
  ],
  [
    "a bounded integer with a format",
    { given: { type: "integer", format: "int32", minimum: 1, maximum: 65535 }, want: { type: "number", details: ["format int32", "1 to 65535"] } },
  ],
  [
    "exclusive bounds, OpenAPI 3.0's boolean form and 3.1's number form",
    { given: { type: "number", minimum: 0, exclusiveMinimum: true, exclusiveMaximum: 10 }, want: { type: "number", details: ["above 0", "below 10"] } },
  ],
  [
    "a string's length and pattern",
    {
      given: { type: "string", minLength: 1, maxLength: 64, pattern: "^[a-z]+$" },
      want: { type: "string", details: ["1 to 64 characters", 'matching "^[a-z]+$"'] },
    },
  ],
  [
    "an array's size and uniqueness",
    {
      given: { type: "array", items: { type: "string" }, maxItems: 5, uniqueItems: true },
      want: { type: "string[]", details: ["at most 5 items", "unique items"] },
    },
  ],
  ["the read and write direction", { given: { type: "string", readOnly: true }, want: { type: "string", details: ["read-only (sent by the server only)"] } }],
  [
    "readOnly and writeOnly together: no direction, as the diff reads it",
    { given: { type: "string", readOnly: true, writeOnly: true }, want: { type: "string", details: [] } },
  ],
  [
    "an enum with null: its values and null, as the validators read it",
    { given: { type: "string", enum: ["up", null], nullable: true }, want: { type: '"up" | null', details: [] } },
  ],
  ["a $ref is followed", { given: { $ref: "#/components/schemas/Port" }, want: { type: "number", details: ["at least 1"] } }],
];

const document = { components: { schemas: { Port: { type: "integer", minimum: 1 } } } };

describe("schemaFacts", () => {
  it.each(facts)("%s", (_, { given, want }) => {
    expect(schemaFacts(document, given)).toEqual(want);
  });
});

describe("describeProperties", () => {
  it("gives each property that says more than its type a line, inside bodies, arrays and compositions, before its prose", () => {
    const given = {
      components: {
        schemas: {
          Agent: {
            type: "object",
            properties: {
              name: { type: "string", maxLength: 64, description: "The agent's name." },
              kind: { type: "string" },
              port: { $ref: "#/components/schemas/Port" },
              tags: { type: "array", items: { type: "object", properties: { key: { type: "string", minLength: 1 } } } },
            },
          },
          Port: { type: "integer", minimum: 1 },
        },
      },
      paths: {
        "/agents": {
          post: {
            requestBody: {
              content: { "application/json": { schema: { allOf: [{ type: "object", properties: { id: { type: "string", readOnly: true } } }] } } },
            },
          },
        },
      },
    };
    describeProperties(given);
    const agent = given.components.schemas.Agent.properties;
    expect(agent.name.description).toBe("`string`, at most 64 characters\n\nThe agent's name.");
    expect(agent.kind).toEqual({ type: "string" });
    // A reference is described where it is defined, not where it is used.
    expect(agent.port).toEqual({ $ref: "#/components/schemas/Port" });
    expect(agent.tags.items.properties.key).toMatchObject({ description: "`string`, at least 1 characters" });
    const body = given.paths["/agents"].post.requestBody.content["application/json"].schema.allOf[0]!;
    expect(body.properties.id).toMatchObject({ description: "`string`, read-only (sent by the server only)" });
  });

  it("keeps a pattern from ending the comment or the line", () => {
    const given = { components: { schemas: { A: { properties: { p: { type: "string", pattern: "a*/b\nc" } } } } } };
    describeProperties(given);
    expect(given.components.schemas.A.properties.p).toMatchObject({ description: expect.not.stringMatching(/\*\/|\n/) });
  });
});

describe("@param lines", () => {
  it("show an enum parameter as its union and a parameter's format and bounds", () => {
    const model = buildModel("spec.yaml", "v1", { name: "pmm", auth: "pmm", naming: "operationId", int64: "number" } as never, {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/v1/nodes": {
          get: {
            operationId: "ListNodes",
            parameters: [
              { in: "query", name: "node_type", schema: { type: "string", enum: ["GENERIC", "REMOTE"] } },
              { in: "query", name: "limit", schema: { type: "integer", format: "int32", minimum: 1, maximum: 1000 } },
            ],
            responses: { "200": { description: "" } },
          },
        },
      },
    });
    const doc = operationDoc(operationModel({ ...model.operations[0]!, name: "listThings", namespace: "things" }));
    expect(doc).toContain('@param input.query.node_type - query parameter, optional, `"GENERIC" | "REMOTE"`');
    expect(doc).toContain("@param input.query.limit - query parameter, optional, `number`, format int32, 1 to 1000");
  });
});

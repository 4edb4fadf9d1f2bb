import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import type { SpecError } from "../../generator/errors.js";
import { parseDocumentText } from "../../generator/load/read-document.js";
import { buildModel } from "../../generator/normalize/build-model.js";
import { int64AsString } from "../../generator/normalize/int64-wire.js";
import { liftAuthHeader } from "../../generator/normalize/lift-auth-header.js";
import { simpleTypeText } from "../../generator/normalize/type-text.js";
import { loadModel } from "../../generator/pipeline.js";

const pemLike = (): OpenAPIV3.Document => ({
  openapi: "3.0.0",
  info: { title: "t", version: "1" },
  servers: [{ url: "https://PEM-SERVER-IP/api/v10" }],
  components: { parameters: { Token: { name: "x-auth-token", in: "header", required: true, schema: { type: "string" } } } },
  paths: {
    "/server/{server_id}": {
      parameters: [{ $ref: "#/components/parameters/Token" }],
      get: {
        parameters: [
          { name: "server_id", in: "path", required: true, schema: { type: "string" } },
          { name: "X-Auth-Token", in: "header", required: true, schema: { type: "string" } },
          { name: "X-Trace", in: "header", schema: { type: "string" } },
        ],
        responses: { "200": { description: "", content: { "application/json": { schema: { type: "object" } } } } },
      },
      put: {
        parameters: [
          { name: "server_id", in: "path", required: true, schema: { type: "string" } },
          { name: "X-Auth-Token", in: "header", required: true, schema: { type: "string" } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: { type: "object", properties: { asb_password: { type: "string" } } } } } },
        responses: { "200": { description: "" } },
      },
    },
  },
});

describe("auth header lifting", () => {
  it("removes the credential header, inline or by $ref, from operations and path items, case-insensitively", () => {
    const document = pemLike();
    liftAuthHeader(document, "X-Auth-Token");
    const item = document.paths["/server/{server_id}"]!;
    expect(item.parameters).toBeUndefined();
    expect(item.get!.parameters!.map((p) => (p as OpenAPIV3.ParameterObject).name)).toEqual(["server_id", "X-Trace"]);
    expect(item.put!.parameters!.map((p) => (p as OpenAPIV3.ParameterObject).name)).toEqual(["server_id"]);
  });
});

describe("int64 wire mapping", () => {
  it("turns integer int64/uint64 into strings, keeps int32 and examples", () => {
    const schema = {
      type: "object",
      properties: {
        count: { type: "integer", format: "int64" },
        size: { type: ["integer", "null"], format: "uint64" },
        small: { type: "integer", format: "int32" },
        already: { type: "string", format: "int64" },
      },
      example: { type: "integer", format: "int64" },
    };
    expect(int64AsString(schema)).toBe(2);
    expect(schema.properties.count).toEqual({ type: "string", format: "int64" });
    expect(schema.properties.size.type).toEqual(["string", "null"]);
    expect(schema.properties.small.type).toBe("integer");
    expect(schema.example.type).toBe("integer");
  });

  it("rewrites schemas whose names are data keywords: a property or a response called `default`", () => {
    const operation = {
      responses: {
        default: { content: { "application/json": { schema: { type: "object", properties: { retry_after: { type: "integer", format: "int64" } } } } } },
      },
    };
    const schema = {
      type: "object",
      properties: { default: { type: "integer", format: "int64" }, examples: { type: "integer", format: "uint64" } },
      default: { default: 1 },
      enum: [{ type: "integer", format: "int64" }],
    };
    expect(int64AsString(operation)).toBe(1);
    expect(operation.responses.default.content["application/json"].schema.properties.retry_after.type).toBe("string");
    expect(int64AsString(schema)).toBe(2);
    expect(schema.properties.default.type).toBe("string");
    expect(schema.properties.examples.type).toBe("string");
    expect(schema.enum[0]!.type).toBe("integer");
  });

  it("is applied by the model only when the API says so", () => {
    const document = (): OpenAPIV3.Document => ({
      openapi: "3.0.0",
      info: { title: "t", version: "1" },
      paths: {
        "/v1/x": {
          get: {
            operationId: "X",
            responses: { "200": { description: "", content: { "application/json": { schema: { type: "integer", format: "int64" } } } } },
          },
        },
      },
    });
    const asString = buildModel("f", "v1", { name: "pmm", auth: "pmm", naming: "operationId", int64: "string" }, document());
    const asNumber = buildModel("f", "v1", { name: "pmm", auth: "pmm", naming: "operationId", int64: "number" }, document());
    const schemaOf = (d: OpenAPIV3.Document) =>
      ((d.paths["/v1/x"]!.get!.responses["200"] as OpenAPIV3.ResponseObject).content!["application/json"]!.schema as OpenAPIV3.SchemaObject).type;
    expect(schemaOf(asString.document)).toBe("string");
    expect(schemaOf(asNumber.document)).toBe("integer");
  });

  it("lets inputs written in place take a number or a string, and leaves responses and shared components strings", () => {
    const wide = { type: "integer", format: "int64" };
    const document = {
      openapi: "3.0.0",
      info: { title: "t", version: "1" },
      paths: {
        "/v1/x/{id}": {
          parameters: [{ name: "id", in: "path", required: true, schema: { ...wide } }],
          post: {
            operationId: "X",
            parameters: [{ name: "limit", in: "query", schema: { ...wide } }],
            requestBody: {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { nested: { type: "object", properties: { port: { ...wide } } }, shared: { $ref: "#/components/schemas/Shared" } },
                  },
                },
              },
            },
            responses: { "200": { description: "", content: { "application/json": { schema: { type: "object", properties: { total: { ...wide } } } } } } },
          },
        },
      },
      components: { schemas: { Shared: { type: "object", properties: { size: { ...wide } } } } },
    } as unknown as OpenAPIV3.Document;
    buildModel("f", "v1", { name: "pmm", auth: "pmm", naming: "operationId", int64: "string" }, document);
    const item = document.paths["/v1/x/{id}"] as any;
    expect(item.parameters[0].schema.type).toEqual(["integer", "string"]);
    expect(item.post.parameters[0].schema.type).toEqual(["integer", "string"]);
    expect(item.post.requestBody.content["application/json"].schema.properties.nested.properties.port.type).toEqual(["integer", "string"]);
    expect(item.post.responses["200"].content["application/json"].schema.properties.total.type).toBe("string");
    expect((document.components!.schemas!.Shared as any).properties.size.type).toBe("string");
  });
});

describe("model", () => {
  it("describes operations: names, base path, parameters, body and responses", () => {
    const model = buildModel("f", "v10", { name: "pem", auth: "pem-token", authHeader: "X-Auth-Token", naming: "path", int64: "number" }, pemLike());
    expect(model.basePath).toBe("/api/v10");
    expect(model.operations.map((o) => `${o.namespace}.${o.name} ${o.typeName}`)).toEqual(["server.get ServerGet", "server.update ServerUpdate"]);
    const [get, update] = model.operations;
    expect(get!.parameters).toEqual({ path: { required: true }, header: { required: false } });
    expect(update!.parameters).toEqual({ path: { required: true } });
    expect(update!.requestBody).toEqual({ required: true, contentType: "application/json" });
    expect(update!.success).toEqual([{ status: "200" }]);
    // The credential header is lifted: no doc names it.
    expect(get!.parameterList).toEqual([
      { name: "server_id", location: "path", required: true, type: "string" },
      { name: "X-Trace", location: "header", required: false, type: "string" },
    ]);
  });

  it("lists each parameter once: an operation's own replaces the path item's, a path parameter is required", () => {
    const document: OpenAPIV3.Document = {
      openapi: "3.0.0",
      info: { title: "t", version: "1" },
      components: {
        parameters: { Limit: { name: "limit", in: "query", required: true, schema: { $ref: "#/components/schemas/Count" } } },
        schemas: { Count: { type: "integer" } },
      },
      paths: {
        "/v1/x/{id}": {
          parameters: [
            { name: "id", in: "path", schema: { type: "string" } },
            { name: "verbose", in: "query", schema: { type: "boolean" } },
          ],
          get: {
            operationId: "X",
            parameters: [
              { $ref: "#/components/parameters/Limit" },
              { name: "verbose", in: "query", required: true, schema: { type: "string", enum: ["yes"] } },
              { name: "id", in: "cookie", schema: { type: "string" } },
            ],
            responses: { "200": { description: "" } },
          },
        },
      },
    };
    const [operation] = buildModel("f", "v1", { name: "x", auth: "pmm", naming: "operationId", int64: "number" }, document).operations;
    expect(operation!.parameterList).toEqual([
      { name: "id", location: "path", required: true, type: "string" },
      { name: "verbose", location: "query", required: true, type: '"yes"' },
      { name: "limit", location: "query", required: true, type: "number" },
    ]);
  });

  it("rejects a document without operations, naming the file and pointer", () => {
    expect(() =>
      buildModel(
        "empty.yaml",
        "v1",
        { name: "x", auth: "pmm", naming: "path", int64: "number" },
        { openapi: "3.0.0", info: { title: "", version: "" }, paths: {} },
      ),
    ).toThrow(expect.objectContaining({ name: "SpecError", file: "empty.yaml", pointer: "/paths" }) as SpecError);
  });
});

describe("simpleTypeText", () => {
  const document = {
    components: {
      schemas: { Id: { type: "string" }, Tags: { type: "array", items: { $ref: "#/components/schemas/Id" } }, Loop: { $ref: "#/components/schemas/Loop" } },
    },
  };
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  it.each([
    ["a primitive", { type: "boolean" }, "boolean"],
    ["an integer, as TypeScript has it", { type: "integer", format: "int32" }, "number"],
    ["an int64 input that takes a number or a string", { type: ["integer", "string"], format: "int64" }, "number | string"],
    ["a nullable string (OpenAPI 3.0)", { type: "string", nullable: true }, "string | null"],
    ["an enum, by its base type", { type: "string", enum: ["A", "B"] }, "string"],
    ["an array of a union", { type: "array", items: { type: ["string", "null"] } }, "(string | null)[]"],
    ["a $ref, followed", ref("Id"), "string"],
    ["an array of a $ref", ref("Tags"), "string[]"],
    ["a composition has none", { oneOf: [{ type: "string" }, { type: "integer" }] }, undefined],
    ["an array of unknown items has none", { type: "array" }, undefined],
    ["an unknown type has none", { type: "constructor" }, undefined],
    ["a $ref to itself has none", ref("Loop"), undefined],
  ])("%s", (_what, schema, want) => {
    expect(simpleTypeText(document, schema)).toBe(want);
  });
});

describe("nodes a YAML alias shares", () => {
  // One operation object under two paths, and one int64 schema in a request body and a response.
  const yaml = (version: string) => `${version}
info: { title: t, version: "1" }
paths:
  /things:
    get: &list
      responses:
        "200": { description: ok, content: { application/json: { schema: &count { type: integer, format: int64 } } } }
  /stuff:
    get: *list
    post:
      requestBody: { content: { application/json: { schema: *count } } }
      responses: { "204": { description: done } }
`;
  const config = { name: "aliases", auth: "pmm", naming: "path", int64: "string" } as const;

  it.each(["openapi: 3.0.3", "swagger: '2.0'"])("are normalized once per place (%s)", async (version) => {
    const text = version.startsWith("swagger") ? swagger2(yaml(version)) : yaml(version);
    const model = await loadModel("aliases.yaml", config, "v1", { document: parseDocumentText("aliases.yaml", text) });
    const { paths } = model.document;
    // Each operation keeps its own name, which its types in `operations` are found by.
    expect([paths["/things"]!.get!.operationId, paths["/stuff"]!.get!.operationId]).toEqual(["ThingList", "StuffList"]);
    const schemaOf = (media: { content?: Record<string, { schema?: unknown }> } | undefined) => media?.content?.["application/json"]?.schema;
    // The input takes a number too; the response that shares its schema stays a string.
    expect(schemaOf(paths["/stuff"]!.post!.requestBody as never)).toMatchObject({ type: ["integer", "string"] });
    expect(schemaOf(paths["/things"]!.get!.responses["200"] as never)).toMatchObject({ type: "string" });
  });
});

/** The same operations in Swagger 2.0's form (`produces`, a body parameter, schemas beside responses). */
function swagger2(text: string): string {
  return text
    .replace("paths:", "produces: [application/json]\nconsumes: [application/json]\npaths:")
    .replace("content: { application/json: { schema: &count { type: integer, format: int64 } } }", "schema: &count { type: integer, format: int64 }")
    .replace("requestBody: { content: { application/json: { schema: *count } } }", "parameters: [{ in: body, name: body, schema: *count }]");
}

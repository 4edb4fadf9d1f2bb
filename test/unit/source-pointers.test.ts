import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toOpenApi3 } from "../../generator/convert/to-openapi3.js";
import type { Change } from "../../generator/diff/change.js";
import { compareApis } from "../../generator/diff/compare.js";
import { pointIntoSources, sourcePointer } from "../../generator/diff/source-pointers.js";
import type { ApiConfig } from "../../generator/load/api-config.js";
import { buildModel } from "../../generator/normalize/build-model.js";

/** PEM-like settings: the X-Auth-Token parameter is taken out of the model, so the others move up. */
const config: ApiConfig = { name: "pem", auth: "pem-token", authHeader: "X-Auth-Token", naming: "path", int64: "number" };

const OLD = `
swagger: "2.0"
info: { title: t, version: "1" }
host: example.com
basePath: /api/v1
parameters:
  Limit: { name: limit, in: query, type: integer }
definitions:
  Base: { type: object, properties: { id: { type: string } } }
  Thing:
    allOf:
      - $ref: "#/definitions/Base"
      - { type: object, properties: { name: { type: string } } }
paths:
  /things/{id}:
    parameters:
      - { name: id, in: path, required: true, type: string }
    put:
      parameters:
        - { name: X-Auth-Token, in: header, required: true, type: string }
        - { name: verbose, in: query, type: boolean }
        - $ref: "#/parameters/Limit"
        - { name: body, in: body, schema: { type: object, properties: { note: { type: string } } } }
      responses:
        "200":
          description: ""
          schema: { $ref: "#/definitions/Thing" }
          headers:
            X-Rate: { type: integer }
  /upload:
    post:
      consumes: [multipart/form-data]
      parameters:
        - { name: X-Auth-Token, in: header, required: true, type: string }
        - { name: file, in: formData, type: string }
        - { name: label, in: formData, type: string }
      responses:
        "200": { description: "" }
`;

/** What changes in the new version, and where each change must point in the Swagger 2.0 files. */
const CASES: [message: string, pointers: Change["pointers"]][] = [
  ["base path changed", { old: "/basePath", new: "/basePath" }],
  ["query parameter verbose: type changed", { old: "/paths/~1things~1{id}/put/parameters/1", new: "/paths/~1things~1{id}/put/parameters/1" }],
  ["query parameter limit: type changed", { old: "/parameters/Limit", new: "/parameters/Limit" }],
  ["property request body .note removed", { old: "/paths/~1things~1{id}/put/parameters/3/schema/properties/note" }],
  ["property 200 response .id removed", { old: "/definitions/Base/properties/id" }],
  ["200 response .name: type changed", { old: "/definitions/Thing/allOf/1/properties/name", new: "/definitions/Thing/allOf/1/properties/name" }],
  [
    "200 response header x-rate: type changed",
    { old: "/paths/~1things~1{id}/put/responses/200/headers/X-Rate", new: "/paths/~1things~1{id}/put/responses/200/headers/X-Rate" },
  ],
  ["property request body .label removed", { old: "/paths/~1upload/post/parameters/2" }],
  ["new optional query parameter page", { new: "/paths/~1upload/post/parameters/1" }],
];

function newVersion(document: Record<string, any>): Record<string, unknown> {
  document.basePath = "/pem/api/v2";
  document.parameters.Limit.type = "string";
  delete document.definitions.Base.properties.id;
  document.definitions.Thing.allOf[1].properties.name.type = "integer";
  const put = document.paths["/things/{id}"].put;
  put.parameters[1].type = "string";
  delete put.parameters[3].schema.properties.note;
  put.responses["200"].headers["X-Rate"].type = "string";
  const upload = document.paths["/upload"].post;
  upload.parameters.splice(1, 0, { name: "page", in: "query", type: "integer" });
  upload.parameters.pop();
  return document;
}

describe("pointers into Swagger 2.0 files as given", () => {
  let changes: Change[] = [];

  beforeAll(async () => {
    const [before, after] = [parse(OLD), newVersion(parse(OLD))];
    const model = async (version: string, source: Record<string, unknown>) => buildModel("test", version, config, await toOpenApi3("test", source));
    const [oldModel, newModel] = [await model("v1", before), await model("v2", after)];
    changes = pointIntoSources(compareApis(oldModel, newModel).changes, {
      old: { source: before, model: oldModel.document },
      new: { source: after, model: newModel.document },
    });
  });

  it.each(CASES)("%s", (message, pointers) => {
    const found = changes.filter((c) => c.message.startsWith(message));
    expect(
      found.map((c) => c.pointers),
      `changes:\n${changes.map((c) => `${c.message} ${JSON.stringify(c.pointers)}`).join("\n")}`,
    ).toEqual([pointers]);
  });
});

describe("pointers into OpenAPI 3 files as given", () => {
  const source = {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/things": {
        get: {
          parameters: [
            { name: "X-Auth-Token", in: "header", required: true, schema: { type: "string" } },
            { name: "q", in: "query", schema: { type: "string" } },
          ],
          responses: { "200": { description: "" } },
        },
      },
    },
  };
  const documents = async () => ({ source, model: buildModel("test", "v1", config, await toOpenApi3("test", source)).document });

  it("find a parameter by name and location past those normalization took out", async () => {
    expect(sourcePointer(await documents(), "/paths/~1things/get/parameters/0/schema")).toBe("/paths/~1things/get/parameters/1/schema");
  });

  it("stop at the nearest enclosing place the file has", async () => {
    expect(sourcePointer(await documents(), "/paths/~1things/get/parameters/0/schema/properties/gone")).toBe("/paths/~1things/get/parameters/1/schema");
  });
});

import { describe, expect, it } from "vitest";
import { type ClientModuleFiles, emitClientModule } from "../../generator/emit/client-module.js";
import type { ApiModel, OperationModel } from "../../generator/normalize/build-model.js";
import { apiModel, operationModel } from "../support/models.js";

interface Given {
  operations: OperationModel[];
  model?: Partial<Omit<ApiModel, "operations">>;
  origin?: string;
}
/** Text each file must contain, each entry as one piece. */
type Want = Partial<Record<keyof ClientModuleFiles, string[]>>;

const lines = (...text: string[]) => text.join("\n");
const getThing = operationModel({
  name: "getThing",
  path: "/v1/things/{id}",
  parameterList: [{ name: "id", location: "path", required: true, type: "string" }],
});
const listThings = operationModel({ name: "listThings", parameterList: [{ name: "limit", location: "query", required: false, type: "number" }] });
const readiness = operationModel({
  namespace: "server",
  name: "readiness",
  path: "/v1/readyz",
  success: [{ status: "200", contentType: "text/plain" }],
  errors: [],
  parseAs: "text",
});
const upload = operationModel({
  namespace: "server",
  name: "upload",
  httpMethod: "post",
  path: "/v1/upload",
  requestBody: { required: true, contentType: "multipart/form-data", form: "multipart" },
  success: [{ status: "204" }],
});

const cases: [title: string, { given: Given; want: Want }][] = [
  [
    "a namespace: Methods first, then each operation's named types, a blank line between operations",
    {
      given: { operations: [getThing, listThings] },
      want: {
        "index.d.ts": [
          lines(
            "export declare namespace Things {",
            "  export interface Methods {",
            "    /**",
            "     * `GET /v1/things/{id}`",
            "     *",
            "     * @param input - path, required, `Things.GetThingInput`",
            "     * @param input.path.id - path parameter, required, `string`",
            "     * @returns `Things.GetThingResponse` on 200",
            "     * @throws {ApiError} on any error status, whose `body` is `Things.GetThingError`",
            "     */",
            "    getThing(input: GetThingInput, options?: CallOptions): Promise<GetThingResponse>;",
            "",
            "    /**",
            "     * `GET /v1/things`",
            "     *",
            "     * @param input - query, optional, `Things.ListThingsInput`",
            "     * @param input.query.limit - query parameter, optional, `number`",
            "     * @returns `Things.ListThingsResponse` on 200",
            "     * @throws {ApiError} on any error status, whose `body` is `Things.ListThingsError`",
            "     */",
            "    listThings(input?: ListThingsInput, options?: CallOptions): Promise<ListThingsResponse>;",
            "  }",
            "",
            "  /** Parameters of `GET /v1/things/{id}`, by location. */",
            '  export type GetThingParams = operations["ThingsGetThing"]["parameters"];',
            "",
            "  /** What the method for `GET /v1/things/{id}` takes. */",
            "  export interface GetThingInput {",
            '    path: GetThingParams["path"];',
            "  }",
            "",
            "  /** Data of a successful response to `GET /v1/things/{id}`. */",
            '  export type GetThingResponse = operations["ThingsGetThing"]["responses"][200]["content"]["application/json"];',
            "  /** Body of an error response to `GET /v1/things/{id}`. */",
            '  export type GetThingError = operations["ThingsGetThing"]["responses"]["default"]["content"]["application/json"];',
            "",
            "  /** Parameters of `GET /v1/things`, by location. */",
            '  export type ListThingsParams = operations["ThingsListThings"]["parameters"];',
            "",
            "  /** What the method for `GET /v1/things` takes. */",
            "  export interface ListThingsInput {",
            '    query?: NonNullable<ListThingsParams["query"]>;',
            "  }",
            "",
            "  /** Data of a successful response to `GET /v1/things`. */",
            '  export type ListThingsResponse = operations["ThingsListThings"]["responses"][200]["content"]["application/json"];',
            "  /** Body of an error response to `GET /v1/things`. */",
            '  export type ListThingsError = operations["ThingsListThings"]["responses"]["default"]["content"]["application/json"];',
            "}",
          ),
        ],
        "index.js": [
          lines(
            "export const operationTable = {",
            "  things: {",
            '    getThing: { method: "GET", path: "/v1/things/{id}", inputRequired: true },',
            '    listThings: { method: "GET", path: "/v1/things" },',
            "  },",
            "};",
          ),
        ],
      },
    },
  ],
  [
    "a method without input takes its call options alone, and a text response is a string",
    {
      given: { operations: [readiness] },
      want: {
        "index.d.ts": [
          "    readiness(options?: CallOptions): Promise<ReadinessResponse>;",
          "  export type ReadinessResponse = string;",
          "  export type ReadinessError = unknown;",
        ],
        "index.js": ['    readiness: { method: "GET", path: "/v1/readyz", parseAs: "text", noInput: true },'],
      },
    },
  ],
  [
    "a form body is sent as the form its media type names; a 204 alone resolves to void",
    {
      given: { operations: [upload] },
      want: {
        "index.d.ts": [
          '  export type UploadBody = NonNullable<operations["ServerUpload"]["requestBody"]>["content"]["multipart/form-data"];',
          lines("  export interface UploadInput {", "    body: UploadBody;", "  }"),
          "  export type UploadResponse = void;",
        ],
        "index.js": ['    upload: { method: "POST", path: "/v1/upload", inputRequired: true, form: "multipart", required: { body: true } },'],
      },
    },
  ],
  [
    "the table names the query and header parameters a call must give, which the runtime checks before sending",
    {
      given: {
        operations: [
          operationModel({
            name: "searchThings",
            parameterList: [
              { name: "q", location: "query", required: true },
              { name: "page", location: "query", required: false },
              { name: "X-Tenant", location: "header", required: true },
            ],
          }),
        ],
      },
      want: {
        "index.js": ['    searchThings: { method: "GET", path: "/v1/things", inputRequired: true, required: { query: ["q"], header: ["X-Tenant"] } },'],
      },
    },
  ],
  [
    "a success with a body and one without: the response may be undefined",
    {
      given: { operations: [operationModel({ success: [{ status: "200", contentType: "application/json" }, { status: "204" }] })] },
      want: {
        "index.d.ts": ['  export type ListThingsResponse = operations["ThingsListThings"]["responses"][200]["content"]["application/json"] | undefined;'],
      },
    },
  ],
  [
    "one client property per namespace, typed by its Methods",
    {
      given: { operations: [listThings, readiness] },
      want: {
        "index.d.ts": [
          lines("export interface Client extends ClientLifecycle {", "  readonly things: Things.Methods;", "  readonly server: Server.Methods;", "}"),
        ],
      },
    },
  ],
  [
    "a PEM token API's client logs in: PemClientOptions and PemSession",
    {
      given: { operations: [listThings], model: { api: "pem", version: "v17", auth: "pem-token", basePath: "/api/v17" } },
      want: {
        "index.d.ts": [
          'import type { ApiDescription, ApiError, CallOptions, PemClientOptions, PemSession, OperationTable } from "../../runtime/index.js";',
          "export interface Client extends PemSession {",
          "export declare const operationTable: OperationTable;",
          lines("/** Creates a client for PEM API v17. */", "export declare function createClient(options: PemClientOptions): Client;"),
        ],
        "index.js": [
          'export const apiDescription = { api: "pem", version: "v17", basePath: "/api/v17", auth: "pem-token", validators: () => import("./validators.js") };',
        ],
      },
    },
  ],
  [
    "the header names the spec on one line",
    {
      given: { operations: [listThings], origin: "specs/a\u2028b */.yaml" },
      want: {
        "index.d.ts": ["// Generated by pem-pmm-client-generator from specs/a b *\\/.yaml. Do not edit: run `npm run generate`.\n"],
        "index.js": ["// Generated by pem-pmm-client-generator from specs/a b *\\/.yaml. Do not edit: run `npm run generate`.\n"],
      },
    },
  ],
];

describe("emitClientModule", () => {
  for (const [title, { given, want }] of cases) {
    it(title, () => {
      const files = emitClientModule(apiModel(given.operations, given.model), "../../runtime/index.js", given.origin ?? "specs/pmm/v3.yaml");
      for (const [file, pieces] of Object.entries(want) as [keyof ClientModuleFiles, string[]][]) {
        for (const piece of pieces) expect(files[file], file).toContain(piece);
      }
    });
  }

  it("gives byte-identical files for the same model", () => {
    const emit = () => emitClientModule(apiModel([getThing, listThings, readiness, upload]), "../../runtime/index.js", "specs/pmm/v3.yaml");
    expect(emit()).toEqual(emit());
  });
});

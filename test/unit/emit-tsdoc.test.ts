import { describe, expect, it } from "vitest";
import { escapeComment, operationDoc } from "../../generator/emit/tsdoc.js";
import type { OperationModel } from "../../generator/normalize/build-model.js";
import { operationModel } from "../support/models.js";

type Case<Given> = [title: string, { given: Given; want: string }];

const GET = "`GET /v1/things`";
const RETURNS = "@returns `Things.ListThingsResponse` on 200";
const THROWS = "@throws {ApiError} on any error status, whose `body` is `Things.ListThingsError`";
const lines = (...text: string[]) => text.join("\n");

const operationDocs: Case<Partial<OperationModel>>[] = [
  ["an operation without input: method and path, the success status and the error body's type", { given: {}, want: lines(GET, "", RETURNS, THROWS) }],
  [
    "each parameter by location (path, query, header), required or optional, with its type, then the body",
    {
      given: {
        httpMethod: "post",
        path: "/v1/things/{thing_id}",
        parameterList: [
          { name: "X-Trace", location: "header", required: false, type: "string" },
          { name: "force", location: "query", required: false, type: "boolean" },
          { name: "thing_id", location: "path", required: true, type: "string" },
          { name: "limit", location: "query", required: true, type: "number | string" },
          { name: "filter", location: "query", required: false },
        ],
        requestBody: { required: true, contentType: "application/json" },
      },
      want: lines(
        "`POST /v1/things/{thing_id}`",
        "",
        "@param input - path, query, header and body, required, `Things.ListThingsInput`",
        "@param input.path.thing_id - path parameter, required, `string`",
        "@param input.query.force - query parameter, optional, `boolean`",
        "@param input.query.limit - query parameter, required, `number | string`",
        "@param input.query.filter - query parameter, optional",
        "@param input.header - header parameter `X-Trace`, optional, `string`",
        "@param input.body - JSON body, required, `Things.ListThingsBody`",
        RETURNS,
        THROWS,
      ),
    },
  ],
  [
    "an optional multipart form body",
    {
      given: { requestBody: { required: false, contentType: "multipart/form-data", form: "multipart" } },
      want: lines(
        GET,
        "",
        "@param input - body, optional, `Things.ListThingsInput`",
        "@param input.body - multipart form body, optional, `Things.ListThingsBody`",
        RETURNS,
        THROWS,
      ),
    },
  ],
  [
    "a URL-encoded form body",
    {
      given: { requestBody: { required: true, contentType: "application/x-www-form-urlencoded", form: "urlencoded" } },
      want: lines(
        GET,
        "",
        "@param input - body, required, `Things.ListThingsInput`",
        "@param input.body - URL-encoded form body, required, `Things.ListThingsBody`",
        RETURNS,
        THROWS,
      ),
    },
  ],
  [
    "a body of another media type, named by it",
    {
      given: { requestBody: { required: true, contentType: "application/octet-stream" } },
      want: lines(
        GET,
        "",
        "@param input - body, required, `Things.ListThingsInput`",
        "@param input.body - `application/octet-stream` body, required, `Things.ListThingsBody`",
        RETURNS,
        THROWS,
      ),
    },
  ],
  [
    "success statuses with and without a body; error statuses without one, `default` as any other",
    {
      given: {
        success: [{ status: "200", contentType: "application/json" }, { status: "201", contentType: "application/json" }, { status: "204" }],
        errors: [{ status: "400" }, { status: "404" }, { status: "default" }],
      },
      want: lines(
        GET,
        "",
        "@returns `Things.ListThingsResponse` on 200 or 201; no documented body on 204",
        "@throws {ApiError} on 400, 404 or any other error status",
      ),
    },
  ],
  ["no status documented", { given: { success: [], errors: [] }, want: lines(GET, "", "@throws {ApiError} on an error status (the spec documents none)") }],
  [
    "a deprecated operation",
    {
      given: { deprecated: true, errors: [{ status: "404", contentType: "application/json" }] },
      want: lines(
        GET,
        "",
        RETURNS,
        "@throws {ApiError} on 404, whose `body` is `Things.ListThingsError`",
        "@deprecated The API marks this operation as deprecated.",
      ),
    },
  ],
  [
    "a --keep-docs summary and description come first, in that order",
    {
      given: { summary: "Lists things.", description: "Only those you may see." },
      want: lines("Lists things.", "", "Only those you may see.", "", GET, "", RETURNS, THROWS),
    },
  ],
  [
    "the same --keep-docs text once, trimmed",
    { given: { summary: "  Lists things.  ", description: "Lists things." }, want: lines("Lists things.", "", GET, "", RETURNS, THROWS) },
  ],
  ["blank --keep-docs text is dropped", { given: { summary: " \n", description: "" }, want: lines(GET, "", RETURNS, THROWS) }],
  [
    "an operation that sends the same URL as another names it",
    {
      given: { path: "/probe/{probe_id}/data/", sameUrlAs: [{ namespace: "probe", name: "listDataByInternalName", path: "/probe/{internal_name}/data/" }] },
      want: lines(
        "`GET /probe/{probe_id}/data/`",
        "",
        "Sends the same URL as `probe.listDataByInternalName()` (`/probe/{internal_name}/data/`): the spec describes both, and the server alone tells them apart by the value.",
        "",
        RETURNS,
        THROWS,
      ),
    },
  ],
  [
    "spec text cannot end the comment; names and paths stay on their line and in their code span",
    {
      given: { summary: "Lists */ things", path: "/things/*/x\u2028y", parameterList: [{ name: "q`\n@deprecated */", location: "query", required: false }] },
      want: lines(
        "Lists *\\/ things",
        "",
        "`GET /things/*\\/x y`",
        "",
        "@param input - query, optional, `Things.ListThingsInput`",
        "@param input.query - query parameter `q' @deprecated *\\/`, optional",
        RETURNS,
        THROWS,
      ),
    },
  ],
];

describe("operationDoc", () => {
  for (const [title, { given, want }] of operationDocs) {
    it(title, () => {
      expect(operationDoc(operationModel(given))).toBe(want);
    });
  }
});

const escapes: [title: string, { given: [string, ("block" | "line" | "code")?]; want: string }][] = [
  ["block: `*/` cannot end the comment", { given: ["a */ b"], want: "a *\\/ b" }],
  ["block: every line terminator becomes a newline", { given: ["a\r\nb\rc\u2028d\u2029e"], want: "a\nb\nc\nd\ne" }],
  ["line: every line terminator becomes a space", { given: ["a\r\nb\u2028c */", "line"], want: "a b c *\\/" }],
  ["code: one line in backticks, a backtick inside becomes '", { given: ["a`b\n@c */", "code"], want: "`a'b @c *\\/`" }],
  ["text without any of them is kept", { given: ["GET /v1/things/{id}", "code"], want: "`GET /v1/things/{id}`" }],
];

describe("escapeComment", () => {
  for (const [title, { given, want }] of escapes) {
    it(title, () => {
      expect(escapeComment(...given)).toBe(want);
    });
  }
});

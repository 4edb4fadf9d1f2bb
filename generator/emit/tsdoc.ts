import { isJson, type MediaModel, type OperationModel, type ParameterLocation, type ParameterModel } from "../normalize/build-model.js";
import { isIdentifier } from "../normalize/identifiers.js";
import { inputRequired, operationTypeName, takesInput } from "../normalize/public-names.js";

/** The order of an input's members, as the method's `…Input` type lists them. */
const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header"];

/** How each form of request body is named in a doc. */
const BODY_KINDS = { multipart: "multipart form body", urlencoded: "URL-encoded form body" } as const;

/**
 * TSDoc for a generated method, from the spec's structure alone: its HTTP method and path,
 * each input with its location and whether it is required, the documented success and error
 * statuses, and `@deprecated` where the spec says so. A summary and description (which only
 * a `--keep-docs` import keeps) come first.
 */
export function operationDoc(operation: OperationModel): string {
  const paragraphs = [...prose(operation), endpoint(operation), ...operation.sameUrlAs.map(sameUrlNote)];
  const tags = [
    ...inputTag(operation),
    ...parameterTags(operation),
    ...bodyTag(operation),
    ...returnsTag(operation),
    throwsTag(operation),
    ...deprecatedTag(operation),
  ];
  return escapeComment([...paragraphs, tags.join("\n")].join("\n\n"));
}

/** `` `GET /v1/inventory/nodes` ``, on one line: how every doc of an operation names it. */
export function endpoint(operation: Pick<OperationModel, "httpMethod" | "path">): string {
  return code(`${operation.httpMethod.toUpperCase()} ${operation.path}`);
}

/** The spec's summary and description, each once. */
function prose(operation: OperationModel): string[] {
  const parts = [operation.summary, operation.description].filter((text): text is string => Boolean(text?.trim())).map((text) => text.trim());
  return parts.filter((text, index) => parts.indexOf(text) === index);
}

function sameUrlNote(other: OperationModel["sameUrlAs"][number]): string {
  return `Sends the same URL as ${code(`${other.namespace}.${other.name}()`)} (${code(other.path)}): the spec describes both, and the server alone tells them apart by the value.`;
}

/** `@param input - path, query and body, required, \`Nodes.AddNodeInput\``: what an editor shows while the call is typed. */
function inputTag(operation: OperationModel): string[] {
  if (!takesInput(operation)) return [];
  const parts = [...LOCATIONS.filter((location) => operation.parameters[location]), ...(operation.requestBody ? ["body"] : [])];
  const required = inputRequired(operation);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]!;
  return [`@param input - ${list}, ${required ? "required" : "optional"}, ${code(operationTypeName(operation, "Input"))}`];
}

function parameterTags(operation: OperationModel): string[] {
  return LOCATIONS.flatMap((location) => operation.parameterList.filter((parameter) => parameter.location === location)).map(parameterTag);
}

/** `@param input.query.limit - query parameter, optional, \`number\`, format int32, 1 to 1000`. */
function parameterTag(parameter: ParameterModel): string {
  const facts = [
    parameter.required ? "required" : "optional",
    ...(parameter.type ? [code(parameter.type)] : []),
    ...(parameter.details ?? []).map((detail) => escapeComment(detail, "line")),
  ].join(", ");
  // TSDoc names a member by a dotted path of identifiers: any other name goes in the text.
  if (isIdentifier(parameter.name)) return `@param input.${parameter.location}.${parameter.name} - ${parameter.location} parameter, ${facts}`;
  return `@param input.${parameter.location} - ${parameter.location} parameter ${code(parameter.name)}, ${facts}`;
}

function bodyTag(operation: OperationModel): string[] {
  const body = operation.requestBody;
  if (!body) return [];
  const kind = body.form ? BODY_KINDS[body.form] : isJson(body.contentType) ? "JSON body" : `${code(body.contentType)} body`;
  return [`@param input.body - ${kind}, ${body.required ? "required" : "optional"}, ${code(operationTypeName(operation, "Body"))}`];
}

/** `@returns \`Nodes.ListNodesResponse\` on 200`; statuses the spec gives no body are named apart. */
function returnsTag(operation: OperationModel): string[] {
  if (operation.success.length === 0) return [];
  const [withBody, withoutBody] = splitByBody(operation.success);
  const parts = [
    ...(withBody.length > 0 ? [`${code(operationTypeName(operation, "Response"))} on ${statusList(withBody)}`] : []),
    ...(withoutBody.length > 0 ? [`no documented body on ${statusList(withoutBody)}`] : []),
  ];
  return [`@returns ${parts.join("; ")}`];
}

/** `@throws {ApiError} on 400, 404 or any other error status, whose \`body\` is \`Nodes.AddNodeError\``. */
function throwsTag(operation: OperationModel): string {
  if (operation.errors.length === 0) return "@throws {ApiError} on an error status (the spec documents none)";
  const [withBody] = splitByBody(operation.errors);
  const body = withBody.length > 0 ? `, whose \`body\` is ${code(operationTypeName(operation, "Error"))}` : "";
  return `@throws {ApiError} on ${statusList(operation.errors)}${body}`;
}

function deprecatedTag(operation: OperationModel): string[] {
  return operation.deprecated ? ["@deprecated The API marks this operation as deprecated."] : [];
}

function splitByBody(media: readonly MediaModel[]): [MediaModel[], MediaModel[]] {
  return [media.filter((m) => m.contentType), media.filter((m) => !m.contentType)];
}

/** `200`, `200 or 201`, `400, 404 or any other error status`: a spec's `default` is every error status it does not list. */
function statusList(media: readonly MediaModel[]): string {
  const statuses = media.map((m) =>
    m.status === "default" ? (media.length > 1 ? "any other error status" : "any error status") : escapeComment(m.status, "line"),
  );
  return statuses.length > 1 ? `${statuses.slice(0, -1).join(", ")} or ${statuses.at(-1)}` : statuses[0]!;
}

function code(text: string): string {
  return escapeComment(text, "code");
}

/**
 * The one way spec or command-line text enters a generated comment: it cannot end a block
 * comment (`*\/`) and, in a `//` comment (`line`), cannot end the line, since every line
 * terminator JavaScript knows (CR, LF, U+2028, U+2029) becomes a space there. As a TSDoc code
 * span (`code`) it stays on one line and within its backticks (a backtick in it becomes `'`), so
 * nothing in it (`@deprecated`) can start a tag.
 */
export function escapeComment(text: string, form: "block" | "line" | "code" = "block"): string {
  const safe = text.replaceAll("*/", "*\\/").replace(/\r\n?|[\n\u2028\u2029]/g, "\n");
  if (form === "block") return safe;
  const line = safe.replaceAll("\n", " ");
  return form === "code" ? `\`${line.replaceAll("`", "'")}\`` : line;
}

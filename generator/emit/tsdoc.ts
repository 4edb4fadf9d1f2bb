import type { OperationModel } from "../normalize/build-model.js";

/** TSDoc for a generated method: the spec's summary and description, then method and path. */
export function operationDoc(operation: OperationModel): string {
  const parts = [operation.summary, operation.description]
    .filter((text): text is string => Boolean(text?.trim()))
    .map((text) => text.trim());
  const unique = parts.filter((text, index) => parts.indexOf(text) === index);
  const lines = [...unique, `\`${operation.method.toUpperCase()} ${operation.path}\``];
  for (const other of operation.sameUrlAs) {
    lines.push(`Sends the same URL as \`${other.namespace}.${other.name}()\` (\`${other.path}\`): the spec describes both, and the server alone tells them apart by the value.`);
  }
  if (operation.deprecated) lines.push("@deprecated The API marks this operation as deprecated.");
  return escapeComment(lines.join("\n\n"));
}

/**
 * The one way spec or command-line text enters a generated comment: it cannot end a block
 * comment (`*\/`) and, in a `//` comment (`line`), cannot end the line, since every line
 * terminator JavaScript knows (CR, LF, U+2028, U+2029) becomes a space there.
 */
export function escapeComment(text: string, form: "block" | "line" = "block"): string {
  const safe = text.replaceAll("*/", "*\\/").replace(/\r\n?|[\n\u2028\u2029]/g, "\n");
  return form === "line" ? safe.replaceAll("\n", " ") : safe;
}

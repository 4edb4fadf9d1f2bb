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

/** Keeps spec text from ending the comment early or starting a stray tag. */
export function escapeComment(text: string): string {
  return text.replaceAll("*/", "*\\/").replace(/\r\n?/g, "\n");
}

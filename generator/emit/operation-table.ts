import type { WriterFunction } from "ts-morph";
// The runtime's own type of an entry: a field the runtime does not read fails to compile here.
import type { OperationEntry } from "../../templates/runtime/options.js";
import type { OperationModel } from "../normalize/build-model.js";
import { isIdentifier } from "../normalize/identifiers.js";
import { inputRequired, takesInput } from "../normalize/public-names.js";

/** What the runtime needs to know of one operation to call it and to check a call's input first. */
export function operationEntry(op: OperationModel): OperationEntry {
  const required = requiredInput(op);
  return {
    method: op.httpMethod.toUpperCase(),
    path: op.path,
    ...(op.parseAs === "json" ? {} : { parseAs: op.parseAs }),
    // How the runtime reads a first argument of call options alone (see callArguments).
    ...(!takesInput(op) ? { noInput: true } : inputRequired(op) ? { inputRequired: true } : {}),
    ...(op.requestBody?.form ? { form: op.requestBody.form } : {}),
    ...(required ? { required } : {}),
  };
}

/** The query and header parameters and the body a call must give (path values are always required). */
function requiredInput(op: OperationModel): OperationEntry["required"] {
  const names = (location: "query" | "header") =>
    op.parameterList.filter((parameter) => parameter.location === location && parameter.required).map(({ name }) => name);
  const query = names("query");
  const header = names("header");
  const required = {
    ...(query.length > 0 ? { query } : {}),
    ...(header.length > 0 ? { header } : {}),
    ...(op.requestBody?.required ? { body: true as const } : {}),
  };
  return Object.keys(required).length > 0 ? required : undefined;
}

/**
 * `export const operationTable = { namespace: { method: entry, … }, … };`, one line per method:
 * what createClient binds, and what tools (check-server) read of a version without its spec.
 */
export function operationTable(grouped: ReadonlyMap<string, readonly OperationModel[]>): WriterFunction {
  return (writer) => {
    writer.writeLine("/** Each method of the client: namespace → method name → HTTP method, path and what a call must give. */");
    writer.write("export const operationTable = {").newLine();
    writer.indent(() => {
      for (const [namespace, operations] of grouped) {
        writer.writeLine(`${propertyKey(namespace)}: {`);
        writer.indent(() => {
          for (const op of operations) writer.writeLine(`${propertyKey(op.name)}: ${literal(operationEntry(op))},`);
        });
        writer.writeLine("},");
      }
    });
    writer.writeLine("};");
  };
}

/** A JavaScript literal of plain data (strings, booleans, arrays, objects), on one line. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object") {
    const members = Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${literal(item)}`);
    return `{ ${members.join(", ")} }`;
  }
  return JSON.stringify(value);
}

export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

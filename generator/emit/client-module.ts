import {
  type FunctionDeclarationStructure,
  type InterfaceDeclarationStructure,
  type MethodSignatureStructure,
  ModuleDeclarationKind,
  type ModuleDeclarationStructure,
  type PropertySignatureStructure,
  printStructure,
  type StatementStructures,
  StructureKind,
  type TypeAliasDeclarationStructure,
  VariableDeclarationKind,
  type VariableStatementStructure,
  type WriterFunction,
} from "ts-morph";
import { LOGIN_KINDS } from "../load/login-kinds.js";
import type { ApiModel, MediaModel, OperationModel } from "../normalize/build-model.js";
import { pascalCase } from "../normalize/identifiers.js";
import { apiVersionLabel, clientMethod, namespaceTypeName, RUNTIME_ERRORS, takesInput } from "../normalize/public-names.js";
import { generatedHeader } from "./generated-header.js";
import { operationTable, propertyKey } from "./operation-table.js";
import { endpoint, escapeComment, operationDoc } from "./tsdoc.js";

export interface ClientModuleFiles {
  "index.js": string;
  "index.d.ts": string;
}

/**
 * Emits one version's entry point: `index.js` (the operation table and `createClient`)
 * and `index.d.ts` (a typed namespace per API area, named types per operation).
 */
export function emitClientModule(model: ApiModel, runtimeImport: string, origin: string): ClientModuleFiles {
  const header = `${generatedHeader(origin)}\n`;
  const grouped = groupByNamespace(model.operations);

  const print = (statements: (string | WriterFunction | StatementStructures)[]) =>
    printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
  return {
    "index.js": print([header, ...javaScriptStatements(model, grouped, runtimeImport)]),
    "index.d.ts": print([header, ...declarationStatements(model, grouped, runtimeImport)]),
  };
}

function groupByNamespace(operations: readonly OperationModel[]): Map<string, OperationModel[]> {
  const groups = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    const group = groups.get(operation.namespace) ?? [];
    group.push(operation);
    groups.set(operation.namespace, group);
  }
  return groups;
}

function javaScriptStatements(
  model: ApiModel,
  grouped: Map<string, OperationModel[]>,
  runtimeImport: string,
): (string | WriterFunction | StatementStructures)[] {
  const description = { api: model.api, version: model.version, basePath: model.basePath, auth: model.auth };
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: runtimeImport, namedImports: ["createApiClient", "isApiErrorOf"] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: runtimeImport, namedExports: RUNTIME_ERRORS },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      // The validators are imported on the first validated call only: a client without validation never loads them.
      isExported: true,
      declarations: [{ name: "apiDescription", initializer: objectLiteral(description, { validators: '() => import("./validators.js")' }) }],
    },
    operationTable(grouped),
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "createClient",
      parameters: [{ name: "options" }],
      statements: ["return createApiClient(apiDescription, operationTable, options);"],
      docs: [escapeComment(`Creates a client for ${apiVersionLabel(model)}.`)],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "isApiError",
      parameters: [{ name: "error" }, { name: "operation" }],
      statements: ["return isApiErrorOf(operationTable, error, operation);"],
      docs: [escapeComment(IS_API_ERROR_DOC)],
    },
  ];
}

const IS_API_ERROR_DOC = [
  "Whether `error` is an ApiError (an AuthenticationError included) and, given a method's name",
  '(`"namespace.method"`), one a call of that method ended in: its `body` is then typed as that',
  "method's error body, or the text of an answer that is not JSON, or undefined for an empty one",
  "(servers and proxies send both). An unknown name is a TypeError.",
].join("\n");

function declarationStatements(model: ApiModel, grouped: Map<string, OperationModel[]>, runtimeImport: string): (string | StatementStructures)[] {
  const { authOptions: authType, clientOptions, clientBase: lifecycle } = LOGIN_KINDS[model.auth];
  const namespaces = [...grouped].map(([namespace, operations]) => ({ namespace, typeName: namespaceTypeName(namespace), operations }));
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeImport,
      namedImports: ["ApiDescription", "ApiError", "CallOptions", clientOptions, lifecycle, "OperationTable"],
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["operations"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.js", namedExports: ["components", "operations", "paths"] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: runtimeImport, namedExports: RUNTIME_ERRORS },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeImport,
      namedExports: ["CallOptions", "ClientOptions", clientOptions, authType, "Logger", "RetryOptions", "TlsOptions", "ValidationMode", "ValidationProblem"],
    },
    ...namespaces.map(({ typeName, operations }) => namespaceDeclaration(typeName, operations)),
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "Client",
      extends: [lifecycle],
      docs: [
        escapeComment(
          `${apiVersionLabel(model)}: one method per operation, grouped by namespace. openapi-fetch's \`GET\`/\`POST\`/… on the spec's paths are \`pathClient(client)\` of the \`paths\` entry beside this one.`,
        ),
      ],
      properties: namespaces.map(({ namespace, typeName }) => ({ name: propertyKey(namespace), isReadonly: true, type: `${typeName}.Methods` })),
    },
    declaredConstant("apiDescription", "ApiDescription", "The API and version this entry is for, and how its clients log in."),
    declaredConstant("operationTable", "OperationTable", "Each method of the client: namespace → method name → HTTP method, path and what a call must give."),
    {
      kind: StructureKind.Function,
      isExported: true,
      hasDeclareKeyword: true,
      name: "createClient",
      parameters: [{ name: "options", type: clientOptions }],
      returnType: "Client",
      docs: [escapeComment(`Creates a client for ${apiVersionLabel(model)}.`)],
    },
    errorBodiesInterface(namespaces),
    isApiErrorDeclaration(),
  ];
}

/** `ErrorBodies`: each method's error body type by `"namespace.method"`, which isApiError narrows `body` to. */
function errorBodiesInterface(namespaces: { namespace: string; typeName: string; operations: OperationModel[] }[]): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: "ErrorBodies",
    docs: [escapeComment("Each method's error body, by its name as isApiError takes it.")],
    properties: namespaces.flatMap(({ namespace, typeName, operations }) =>
      operations.map((op) => ({ name: JSON.stringify(clientMethod({ namespace, name: op.name })), type: `${typeName}.${operationTypeName(op, "Error")}` })),
    ),
  };
}

/** isApiError, in two forms: with a method's name, typing `body` (an overload); without, any ApiError. */
function isApiErrorDeclaration(): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    isExported: true,
    hasDeclareKeyword: true,
    name: "isApiError",
    overloads: [
      {
        isExported: true,
        hasDeclareKeyword: true,
        typeParameters: [{ name: "Name", constraint: "keyof ErrorBodies" }],
        parameters: [
          { name: "error", type: "unknown" },
          { name: "operation", type: "Name" },
        ],
        returnType: "error is ApiError<ErrorBodies[Name] | string | undefined>",
        docs: [escapeComment(IS_API_ERROR_DOC)],
      },
    ],
    parameters: [{ name: "error", type: "unknown" }],
    returnType: "error is ApiError",
  };
}

/** `export declare const name: type;`, with its doc. */
function declaredConstant(name: string, type: string, doc: string): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    hasDeclareKeyword: true,
    docs: [escapeComment(doc)],
    declarations: [{ name, type }],
  };
}

/** A namespace: its `Methods` first, then each operation's named types; a blank line between operations in both. */
function namespaceDeclaration(typeName: string, operations: OperationModel[]): ModuleDeclarationStructure {
  const types: (TypeAliasDeclarationStructure | InterfaceDeclarationStructure | WriterFunction)[] = [];
  const methods: MethodSignatureStructure[] = [];
  for (const op of operations) {
    const shapes = operationTypes(op);
    types.push(blankLine, ...shapes.types);
    methods.push({
      kind: StructureKind.MethodSignature,
      leadingTrivia: blankLine,
      name: propertyKey(op.name),
      docs: [operationDoc(op)],
      parameters: [
        ...(shapes.input ? [{ name: "input", type: shapes.input.name, hasQuestionToken: !shapes.input.required }] : []),
        { name: "options", type: "CallOptions", hasQuestionToken: true },
      ],
      returnType: `Promise<${shapes.response}>`,
    });
  }
  const methodsInterface: InterfaceDeclarationStructure = { kind: StructureKind.Interface, isExported: true, name: "Methods", methods };
  return {
    kind: StructureKind.Module,
    declarationKind: ModuleDeclarationKind.Namespace,
    isExported: true,
    hasDeclareKeyword: true,
    name: typeName,
    statements: [methodsInterface, ...types],
  };
}

/** Separates one operation's declarations from the previous operation's. */
const blankLine: WriterFunction = (writer) => {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
};

/** The named types of one operation: params, body, input, response and error. */
/** The name of one of an operation's named types in its namespace: `ListNodes` + `Error`. */
function operationTypeName(op: OperationModel, suffix: string): string {
  return `${pascalCase(op.name)}${suffix}`;
}

function operationTypes(op: OperationModel) {
  const ref = `operations[${JSON.stringify(op.typeName)}]`;
  const types: (TypeAliasDeclarationStructure | InterfaceDeclarationStructure)[] = [];
  const alias = (suffix: string, type: string, doc: string) => {
    const name = operationTypeName(op, suffix);
    types.push({ kind: StructureKind.TypeAlias, isExported: true, name, type, docs: [escapeComment(doc)] });
    return name;
  };
  const where = endpoint(op);
  const members: PropertySignatureStructure[] = [];
  const member = (name: string, type: string, isRequired: boolean): PropertySignatureStructure => ({
    kind: StructureKind.PropertySignature,
    name,
    type,
    hasQuestionToken: !isRequired,
  });
  let required = false;
  const locations = (["path", "query", "header"] as const).filter((l) => op.parameters[l]);
  if (locations.length > 0) {
    const params = alias("Params", `${ref}["parameters"]`, `Parameters of ${where}, by location.`);
    for (const location of locations) {
      const isRequired = op.parameters[location]!.required;
      required ||= isRequired;
      const type = `${params}[${JSON.stringify(location)}]`;
      members.push(member(location, isRequired ? type : `NonNullable<${type}>`, isRequired));
    }
  }
  if (op.requestBody) {
    const body = alias("Body", `NonNullable<${ref}["requestBody"]>["content"][${JSON.stringify(op.requestBody.contentType)}]`, `Request body of ${where}.`);
    required ||= op.requestBody.required;
    members.push(member("body", body, op.requestBody.required));
  }
  let input: { name: string; required: boolean } | undefined;
  if (takesInput(op)) {
    input = { name: operationTypeName(op, "Input"), required };
    types.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: input.name,
      properties: members,
      docs: [escapeComment(`What the method for ${where} takes.`)],
    });
  }
  const response = alias(
    "Response",
    mediaUnion(ref, op.success, op.parseAs === "json" ? "void" : op.parseAs === "text" ? "string" : "Blob", op.parseAs),
    `Data of a successful response to ${where}.`,
  );
  alias("Error", mediaUnion(ref, op.errors, "unknown", "json"), `Body of an error response to ${where}.`);
  return { types, input, response };
}

function mediaUnion(ref: string, media: MediaModel[], empty: string, parseAs: string): string {
  if (parseAs === "text") return "string";
  if (parseAs === "blob") return "Blob";
  const withBody = media.filter((m) => m.contentType);
  if (withBody.length === 0) return empty;
  const members = withBody.map((m) => `${ref}["responses"][${statusKey(m.status)}]["content"][${JSON.stringify(m.contentType)}]`);
  if (withBody.length < media.length && empty === "void") members.push("undefined");
  return members.join(" | ");
}

function statusKey(status: string): string {
  return /^\d+$/.test(status) ? status : JSON.stringify(status);
}

/** An object literal of `value`'s strings, then `code`'s members written as they are. */
function objectLiteral(value: Record<string, string>, code: Record<string, string> = {}): string {
  const members = [
    ...Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${JSON.stringify(item)}`),
    ...Object.entries(code).map(([key, item]) => `${propertyKey(key)}: ${item}`),
  ];
  return `{ ${members.join(", ")} }`;
}

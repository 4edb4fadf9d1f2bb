import { createRef, oapiRef, tsPropertyIndex } from "openapi-typescript";
import ts from "typescript";

/** An operation whose type goes into the `operations` interface: where it sits and its key there. */
export interface NamedOperation {
  path: string;
  method: string;
  operationId: string;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/**
 * Takes the operationIds out of a document's `paths`, so that openapi-typescript writes each
 * operation's type inline in `paths`. With the ids in, it adds each operation to `operations`
 * by copying the interface's members so far, which made generation quadratic in the number of
 * operations (60,000 took 5 minutes and 3 GB). `withOperationsInterface` puts them back in one pass.
 */
export function takeOperationIds(document: { paths?: Record<string, unknown> }): NamedOperation[] {
  const taken: NamedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!item || typeof item !== "object" || "$ref" in item) continue;
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as { operationId?: unknown; $ref?: unknown } | undefined;
      if (!operation || typeof operation !== "object" || "$ref" in operation || typeof operation.operationId !== "string") continue;
      taken.push({ path, method, operationId: operation.operationId });
      delete operation.operationId;
    }
  }
  return taken;
}

/**
 * openapi-typescript's output as it would be with the operationIds in: each taken operation's
 * inline type moves to `operations[operationId]`, and `paths` refers to it there.
 */
export function withOperationsInterface(nodes: readonly ts.Node[], taken: readonly NamedOperation[]): ts.Node[] {
  if (taken.length === 0) return [...nodes];
  const byPath = new Map<string, Map<string, string>>();
  for (const { path, method, operationId } of taken) {
    if (!byPath.has(path)) byPath.set(path, new Map());
    byPath.get(path)!.set(method, operationId);
  }
  const moved: ts.TypeElement[] = [];
  const result = nodes.map((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== "paths") return node;
    const members = node.members.map((member) => {
      const methods = ts.isPropertySignature(member) ? byPath.get(nameOf(member) ?? "") : undefined;
      if (!methods || !ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type)) return member;
      const pathItem = member.type.members.map((entry) => {
        const operationId = ts.isPropertySignature(entry) ? methods.get(nameOf(entry) ?? "") : undefined;
        if (operationId === undefined || !ts.isPropertySignature(entry) || !entry.type || !ts.isTypeLiteralNode(entry.type)) return entry;
        moved.push(ts.factory.createPropertySignature(undefined, tsPropertyIndex(operationId), undefined, entry.type));
        const reference = oapiRef(createRef(["operations", operationId]));
        return ts.factory.updatePropertySignature(entry, entry.modifiers, entry.name, entry.questionToken, reference);
      });
      const pathItemType = ts.factory.updateTypeLiteralNode(member.type, ts.factory.createNodeArray(pathItem));
      return ts.factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, pathItemType);
    });
    return ts.factory.updateInterfaceDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members);
  });
  return withOperations(result, moved);
}

/** `operations` with the moved members first (paths come before webhooks, whose operations openapi-typescript added). */
function withOperations(nodes: ts.Node[], moved: ts.TypeElement[]): ts.Node[] {
  const index = nodes.findIndex((n) => (ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name.text === "operations");
  const existing = nodes[index];
  const members = existing && ts.isInterfaceDeclaration(existing) ? [...moved, ...existing.members] : moved;
  const modifiers = [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)];
  const declaration = ts.factory.createInterfaceDeclaration(modifiers, "operations", undefined, undefined, members);
  const copy = [...nodes];
  if (index === -1) copy.push(declaration);
  else copy[index] = declaration;
  return copy;
}

function nameOf(member: ts.TypeElement): string | undefined {
  return member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
}

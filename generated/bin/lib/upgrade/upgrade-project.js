import { existsSync, realpathSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Node, Project, SyntaxKind } from "ts-morph";
import { SpecError } from "../errors.js";
import { namespaceTypeName } from "../normalize/public-names.js";
import { rewriteInput } from "./rewrite-input.js";
import { applyEdits } from "./text-edits.js";
const TODO_MARK = "TODO(pem-pmm-client upgrade)";
/**
 * Moves a TypeScript project from one version of a generated client to the next: finds the
 * old version's method calls and type references by what the compiler resolves them to (so any
 * import name, alias or re-export counts), rewrites what is mechanical, leaves TODOs for the rest,
 * then type-checks the result against the new version.
 */
export async function upgradeProject(projectDir, migration, write) {
    const tsconfig = path.join(projectDir, "tsconfig.json");
    if (!existsSync(tsconfig))
        throw new SpecError(projectDir, undefined, "has no tsconfig.json.", "Point upgrade at the folder of the project's tsconfig.json.");
    const project = new Project({ tsConfigFilePath: tsconfig });
    const own = project.getSourceFiles().filter((sf) => !sf.isDeclarationFile() && !sf.isInNodeModules());
    const syntax = own.flatMap((sf) => project
        .getProgram()
        .getSyntacticDiagnostics(sf)
        .map((d) => `${relative(projectDir, sf)}:${d.getLineNumber() ?? 0}: ${messageText(d.getMessageText())}`));
    if (syntax.length > 0)
        throw new SpecError(projectDir, undefined, `has syntax errors, so nothing was changed:\n  ${syntax.join("\n  ")}`, "Fix them, then run upgrade again.");
    const plan = new Planner(migration);
    const result = { sites: [], typesRenamed: 0, importsMoved: 0, files: [], skipped: [], remainingErrors: [] };
    const rewritten = new Map();
    /** Where each file to write really is, once it is known to be inside the project. */
    const targets = new Map();
    const realRoot = realpathSync(projectDir);
    for (const sourceFile of own) {
        const edits = plan.file(sourceFile, projectDir, result);
        if (edits.length === 0)
            continue;
        rewritten.set(sourceFile, applyEdits(sourceFile.getFullText(), edits));
        const target = insideProject(realRoot, sourceFile.getFilePath());
        if (target === undefined)
            result.skipped.push(relative(projectDir, sourceFile));
        else {
            targets.set(sourceFile, target);
            result.files.push(relative(projectDir, sourceFile));
        }
    }
    for (const [sourceFile, text] of rewritten)
        sourceFile.replaceWithText(text);
    // The project's own files only: checking every declaration file it imports (the client's among
    // them) would take seconds and report nothing the user can fix here.
    result.remainingErrors = own.flatMap((sourceFile) => sourceFile.getPreEmitDiagnostics().map((d) => `${relative(projectDir, sourceFile)}:${d.getLineNumber() ?? 0}: ${messageText(d.getMessageText())}`));
    if (write)
        for (const [sourceFile, target] of targets)
            await writeFile(target, rewritten.get(sourceFile));
    return result;
}
/** The file's real path when it is inside the project's real folder; a path through a symlink out of it is not. */
function insideProject(realRoot, file) {
    const real = realpathSync(file);
    const relativePath = path.relative(realRoot, real);
    const outside = relativePath === ".." || relativePath.startsWith(`..${path.sep}`) || path.isAbsolute(relativePath);
    return outside ? undefined : real;
}
class Planner {
    migration;
    successors;
    removed;
    renamed;
    /** Old type name (`Nodes.ListNodesResponse`) → new. */
    types = new Map();
    entry;
    constructor(migration) {
        this.migration = migration;
        this.successors = new Map(migration.successors.map((s) => [s.oldMethod, s]));
        this.removed = new Set(migration.removed.map((r) => r.oldMethod));
        this.renamed = new Map(migration.changed.filter((c) => c.oldMethod !== c.newMethod).map((c) => [c.oldMethod, c.newMethod]));
        for (const s of migration.successors)
            for (const [from, to] of Object.entries(s.types))
                this.types.set(from, to);
        this.entry = new RegExp(`(^|/)${escapeRegExp(migration.api)}/${escapeRegExp(migration.from)}/index\\.d\\.ts$`);
    }
    file(sourceFile, projectDir, result) {
        const edits = [];
        const replaced = [];
        for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
            const method = this.oldMethod(call);
            if (method === undefined)
                continue;
            const site = { file: relative(projectDir, sourceFile), line: call.getStartLineNumber(), method, status: "unchanged", todos: [] };
            result.sites.push(site);
            if (replaced.some((r) => r.start <= call.getStart() && call.getEnd() <= r.end)) {
                site.todos.push("this call sits inside another call's input that the upgrade rewrote: upgrade it by hand");
            }
            else {
                const callEdits = this.call(call, method, site);
                replaced.push(...callEdits);
                edits.push(...callEdits);
                if (callEdits.length > 0) {
                    site.status = "changed";
                    site.newCall = applyEdits(call.getText(), callEdits.map((e) => ({ ...e, start: e.start - call.getStart(), end: e.end - call.getStart() })));
                }
            }
            if (this.removed.has(method))
                site.status = "removed";
            if (site.todos.length > 0)
                edits.push(todoComments(call, site.todos));
        }
        edits.push(...this.typesAndImports(sourceFile, result));
        return edits;
    }
    /** `nodes.listNodes` when the call resolves to a method of the old version's client. */
    oldMethod(call) {
        const callee = call.getExpression();
        if (!Node.isPropertyAccessExpression(callee))
            return undefined;
        const declaration = callee.getNameNode().getSymbol()?.getDeclarations()[0];
        if (!declaration || !Node.isMethodSignature(declaration) || !this.entry.test(declaration.getSourceFile().getFilePath()))
            return undefined;
        const namespace = declaration.getFirstAncestorByKind(SyntaxKind.ModuleDeclaration)?.getName();
        if (namespace === undefined)
            return undefined;
        const method = declaration.getName();
        const known = [...this.successors.keys(), ...this.removed, ...this.renamed.keys()].find((m) => m.endsWith(`.${method}`) && namespaceTypeName(m.split(".")[0]) === namespace);
        return known ?? `${namespace[0].toLowerCase()}${namespace.slice(1)}.${method}`;
    }
    call(call, method, site) {
        if (this.removed.has(method)) {
            site.todos.push(`${method}() has no successor in ${this.migration.to}: no operation takes over its job, so this call must go`);
            return [];
        }
        const successor = this.successors.get(method);
        const newMethod = successor?.newMethod ?? this.renamed.get(method);
        const edits = [];
        if (newMethod !== undefined && newMethod !== method)
            edits.push(...renameMethod(call, method, newMethod, site));
        if (!successor || successor.impact === "none")
            return edits;
        const [first] = call.getArguments();
        if (successor.oldTakesInput && first && Node.isExpression(first)) {
            const input = rewriteInput(first, successor);
            site.todos.push(...input.todos);
            if (!successor.newTakesInput && input.text === "{}") {
                const next = call.getArguments()[1];
                edits.push({ start: first.getStart(), end: next ? next.getStart() : first.getEnd(), text: "" });
            }
            else if (input.text !== undefined && input.text !== first.getText()) {
                edits.push({ start: first.getStart(), end: first.getEnd(), text: input.text });
            }
        }
        else if (!successor.oldTakesInput && successor.newTakesInput) {
            site.todos.push(`${successor.newMethod}() takes an input now: ${successor.newCall}`);
        }
        return edits;
    }
    /** Renames old type names to new ones and moves module specifiers to the new version. */
    typesAndImports(sourceFile, result) {
        const edits = [];
        const namespacesUsed = new Set();
        const namespacesLeft = new Map();
        for (const reference of sourceFile.getDescendantsOfKind(SyntaxKind.TypeReference)) {
            const name = reference.getTypeName();
            if (!Node.isQualifiedName(name))
                continue;
            const declaration = name.getRight().getSymbol()?.getDeclarations()[0];
            if (!declaration || !this.entry.test(declaration.getSourceFile().getFilePath()))
                continue;
            const namespace = declaration.getFirstAncestorByKind(SyntaxKind.ModuleDeclaration)?.getName();
            const renamed = namespace !== undefined ? this.types.get(`${namespace}.${name.getRight().getText()}`) : undefined;
            const left = name.getLeft().getText();
            if (renamed === undefined || renamed === `${namespace}.${name.getRight().getText()}`) {
                namespacesLeft.set(left, (namespacesLeft.get(left) ?? 0) + 1);
                continue;
            }
            const [newNamespace, newType] = renamed.split(".");
            // An aliased namespace import (`Nodes as N`) keeps its alias when the namespace stays;
            // a module namespace (`PMM.Nodes` of `import * as PMM`) keeps its prefix.
            const outer = name.getLeft();
            const qualifier = newNamespace === namespace ? left : Node.isQualifiedName(outer) ? `${outer.getLeft().getText()}.${newNamespace}` : newNamespace;
            edits.push({ start: name.getStart(), end: name.getEnd(), text: `${qualifier}.${newType}` });
            if (!Node.isQualifiedName(outer))
                namespacesUsed.add(qualifier);
            if (qualifier === left)
                namespacesLeft.set(left, (namespacesLeft.get(left) ?? 0) + 1);
            result.typesRenamed++;
        }
        for (const declaration of [...sourceFile.getImportDeclarations(), ...sourceFile.getExportDeclarations()]) {
            const specifier = declaration.getModuleSpecifier();
            const moved = specifier ? this.movedSpecifier(specifier.getLiteralText()) : undefined;
            if (!specifier || moved === undefined)
                continue;
            const quote = specifier.getText()[0];
            edits.push({ start: specifier.getStart(), end: specifier.getEnd(), text: `${quote}${moved}${quote}` });
            result.importsMoved++;
            if (!Node.isImportDeclaration(declaration))
                continue;
            const named = declaration.getNamedImports();
            const bindings = declaration.getImportClause()?.getNamedBindings();
            if (!bindings || !Node.isNamedImports(bindings))
                continue;
            const names = named.map((n) => (n.getAliasNode() ?? n.getNameNode()).getText());
            // Namespaces no reference needs any more go (the new version may not have them); new ones come.
            const typeOnly = declaration.isTypeOnly();
            const kept = named.filter((n) => {
                const local = (n.getAliasNode() ?? n.getNameNode()).getText();
                return !this.isOldNamespace(n.getName()) || (namespacesLeft.get(local) ?? 0) > 0 || namespacesUsed.has(local) || usedAsValue(sourceFile, local);
            });
            const added = [...namespacesUsed].filter((ns) => !names.includes(ns)).sort();
            if (kept.length === named.length && added.length === 0)
                continue;
            const texts = [...kept.map((n) => n.getText()), ...added.map((ns) => (typeOnly ? ns : `type ${ns}`))];
            edits.push({ start: bindings.getStart(), end: bindings.getEnd(), text: `{ ${texts.join(", ")} }` });
            namespacesUsed.clear();
        }
        return edits;
    }
    isOldNamespace(name) {
        return [...this.types.keys()].some((t) => t.startsWith(`${name}.`));
    }
    /** `pem-pmm-client/pmm/v2` (and its `/paths` entry) → `…/v3`, and relative paths into a generated folder alike. */
    movedSpecifier(specifier) {
        const { api, from, to } = this.migration;
        const match = new RegExp(`(^|/)${escapeRegExp(api)}/${escapeRegExp(from)}(/(?:index|paths)(?:\\.js)?)?$`).exec(specifier);
        if (!match)
            return undefined;
        return `${specifier.slice(0, match.index)}${match[1]}${api}/${to}${match[2] ?? ""}`;
    }
}
function renameMethod(call, method, newMethod, site) {
    const [namespace, name] = method.split(".");
    const [newNamespace, newName] = newMethod.split(".");
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee))
        return [];
    const edits = [];
    if (name !== newName)
        edits.push({ start: callee.getNameNode().getStart(), end: callee.getNameNode().getEnd(), text: newName });
    if (namespace !== newNamespace) {
        const holder = callee.getExpression();
        if (Node.isPropertyAccessExpression(holder) && holder.getName() === namespace)
            edits.push({ start: holder.getNameNode().getStart(), end: holder.getNameNode().getEnd(), text: newNamespace });
        else
            site.todos.push(`the namespace is reached through ${holder.getText()}: call ${newMethod}() on the client instead`);
    }
    return edits;
}
/** One `// TODO(pem-pmm-client upgrade): …` line per item, above the statement that holds the call. */
function todoComments(call, todos) {
    const statement = call.getAncestors().find((a) => Node.isStatement(a)) ?? call;
    const lineStart = statement.getStartLinePos();
    const indent = statement.getSourceFile().getFullText().slice(lineStart, statement.getStart()).replace(/\S.*$/s, "");
    return { start: lineStart, end: lineStart, text: todos.map((t) => `${indent}// ${TODO_MARK}: ${t.replaceAll("\n", " ")}\n`).join("") };
}
function usedAsValue(sourceFile, name) {
    return sourceFile
        .getDescendantsOfKind(SyntaxKind.Identifier)
        .some((id) => id.getText() === name && !id.getFirstAncestorByKind(SyntaxKind.ImportDeclaration) && !id.getFirstAncestorByKind(SyntaxKind.TypeReference));
}
function relative(projectDir, sourceFile) {
    return path.relative(projectDir, sourceFile.getFilePath()).split(path.sep).join("/");
}
function messageText(message) {
    return typeof message === "string" ? message : message.getMessageText();
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

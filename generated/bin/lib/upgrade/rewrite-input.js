import { Node } from "ts-morph";
const LOCATIONS = ["path", "query", "header", "body"];
/**
 * Rebuilds an input object literal for the successor: fields move between path, query, header
 * and body, are renamed, wrapped under a merged body's key, and their enum literals renamed.
 * What it cannot see through (a body passed as a variable, a spread) becomes a TODO.
 */
export function rewriteInput(argument, successor) {
    const todos = [];
    if (!Node.isObjectLiteralExpression(argument)) {
        return { todos: [`the input is built elsewhere: ${successor.steps.filter((s) => !s.startsWith("call ")).join("; ")}`] };
    }
    // Target groups: "body" or "body\u0000<key>" for a merged body; each holds field texts.
    const groups = new Map();
    const add = (group, text) => groups.set(group, [...(groups.get(group) ?? []), text]);
    const others = [];
    /** Locations passed as an expression and kept as they are. */
    const passedWhole = new Set();
    for (const property of argument.getProperties()) {
        const location = groupName(property);
        if (location === undefined) {
            others.push(property.getText());
            continue;
        }
        const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
        if (!value || !Node.isObjectLiteralExpression(value)) {
            const whole = wholeGroup(location, value?.getText() ?? location, successor);
            if (whole.wrapped !== undefined)
                add(location, whole.wrapped);
            else {
                others.push(property.getText());
                passedWhole.add(location);
            }
            todos.push(...whole.todos);
            continue;
        }
        for (const field of value.getProperties()) {
            const name = fieldName(field);
            const move = name === undefined ? undefined : successor.inputs.find((m) => m.from === location && m.field === name);
            if (name === undefined || !move) {
                add(location, field.getText());
                continue;
            }
            if (move.to === undefined) {
                const value = Node.isPropertyAssignment(field) ? field.getInitializerOrThrow().getText() : name;
                // A field whose opposite the new method takes is left to a person: dropping it would change what the call means.
                if (move.inverted)
                    todos.push(`dropped ${location}.${name} (was ${value}): ${describeMove(move)}`);
                else
                    todos.push(`dropped ${location}.${name} (was ${value}): ${successor.newMethod}() does not take it`);
                continue;
            }
            const moved = movedField(field, move, todos);
            add(move.under !== undefined ? `${move.to}\u0000${move.under}` : move.to, moved);
        }
    }
    for (const required of successor.newRequired)
        todos.push(`${successor.newMethod}() requires ${required.in}.${required.under !== undefined ? `${required.under}.` : ""}${required.field}`);
    // A location the new method requires stays even when nothing is left in it (or is created): `body: {}`.
    for (const location of successor.newRequiredLocations)
        if (!passedWhole.has(location))
            groups.set(location, groups.get(location) ?? []);
    const parts = [...renderGroups(groups), ...others];
    // An input written over several lines stays so: one line per location.
    if (!argument.getText().includes("\n") || parts.length === 0)
        return { text: objectText(parts), todos };
    const line = argument.getSourceFile().getFullText().slice(argument.getStartLinePos(), argument.getStart());
    const indent = /^\s*/.exec(line)[0];
    return { text: `{\n${parts.map((part) => `${indent}  ${part},\n`).join("")}${indent}}`, todos };
}
function groupName(property) {
    const name = fieldName(property);
    return LOCATIONS.includes(name ?? "") ? name : undefined;
}
function fieldName(property) {
    if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property))
        return undefined;
    const name = property.getNameNode();
    if (Node.isStringLiteral(name))
        return name.getLiteralText();
    return Node.isIdentifier(name) ? name.getText() : undefined;
}
/** A whole group passed as an expression (`body: request`): only wrapping it under a key is mechanical. */
function wholeGroup(location, expression, successor) {
    const moves = successor.inputs.filter((m) => m.from === location);
    const stays = (m) => m.to === location && m.renamedTo === undefined && m.enumRenames === undefined;
    if (location === "body" && successor.key !== undefined && moves.every((m) => stays(m) && m.under === successor.key))
        return { wrapped: `${successor.key}: ${expression}`, todos: [] };
    const changes = moves.filter((m) => !stays(m) || m.under !== undefined).map(describeMove);
    return { todos: changes.length > 0 ? [`${location} is passed as ${expression}: ${changes.join("; ")}`] : [] };
}
function describeMove(move) {
    if (move.inverted) {
        const { in: location, under, field } = move.inverted;
        return `set ${location}.${under !== undefined ? `${under}.` : ""}${field} to the opposite of ${move.from}.${move.field} (it means the inverse)`;
    }
    if (move.to === undefined)
        return `drop ${move.from}.${move.field}`;
    const renames = (move.enumRenames ?? []).map((r) => `"${r.from}" → "${r.to}"`).join(", ");
    return `${move.from}.${move.field} → ${move.to}.${move.under !== undefined ? `${move.under}.` : ""}${move.renamedTo ?? move.field}${renames ? ` (${renames})` : ""}`;
}
/** A field's text at its new place: renamed, and with its enum literals renamed. */
function movedField(field, move, todos) {
    const name = move.renamedTo ?? move.field;
    if (Node.isShorthandPropertyAssignment(field)) {
        if (move.enumRenames)
            todos.push(`check the values of ${move.field}: ${move.enumRenames.map((r) => `"${r.from}" is now "${r.to}"`).join(", ")}`);
        return move.renamedTo !== undefined ? `${name}: ${field.getName()}` : field.getText();
    }
    if (!Node.isPropertyAssignment(field))
        return field.getText();
    const initializer = field.getInitializerOrThrow();
    let value = initializer.getText();
    if (move.enumRenames) {
        const literals = [initializer, ...initializer.getDescendants()].filter((n) => Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n));
        const start = initializer.getStart();
        const edits = literals.flatMap((literal) => {
            const rename = move.enumRenames.find((r) => r.from === literal.getLiteralText());
            const quote = literal.getText()[0];
            return rename ? [{ start: literal.getStart() - start, end: literal.getEnd() - start, text: `${quote}${rename.to}${quote}` }] : [];
        });
        for (const edit of edits.sort((a, b) => b.start - a.start))
            value = value.slice(0, edit.start) + edit.text + value.slice(edit.end);
        const literalOnly = literals.length > 0 &&
            (Node.isStringLiteral(initializer) || Node.isNoSubstitutionTemplateLiteral(initializer) || Node.isArrayLiteralExpression(initializer));
        if (!literalOnly)
            todos.push(`check the values of ${move.field}: ${move.enumRenames.map((r) => `"${r.from}" is now "${r.to}"`).join(", ")}`);
    }
    const nameText = move.renamedTo !== undefined ? name : field.getNameNode().getText();
    return `${nameText}: ${value}`;
}
function renderGroups(groups) {
    const result = [];
    for (const location of LOCATIONS) {
        const plain = groups.get(location);
        const keyed = [...groups]
            .filter(([group]) => group.startsWith(`${location}\u0000`))
            .map(([group, fields]) => `${group.split("\u0000")[1]}: ${objectText(fields)}`);
        if (plain !== undefined || keyed.length > 0)
            result.push(`${location}: ${objectText([...(plain ?? []), ...keyed])}`);
    }
    return result;
}
function objectText(parts) {
    return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

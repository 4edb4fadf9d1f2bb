import { resolve } from "./model.js";
import { isObject, typeOf } from "./values.js";
/** PMM 2's RPC-style calls: `POST /v1/inventory/Nodes/AddGeneric`; the verb says what the call does. */
const RPC_VERBS = [
    [/^(Add|Create|Register)/, "create"],
    [/^List/, "list"],
    [/^Get/, "get"],
    [/^(Change|Update)/, "update"],
    [/^(Remove|Delete|Unregister)/, "delete"],
];
const PARAMETER = /^\{([^}]+)\}$/;
/**
 * Every operation's route. REST paths: a collection (`/server/`, `/v1/inventory/nodes`) takes
 * POST (create) and GET (list), its item (`…/{id}`) GET, PUT/PATCH and DELETE. RPC paths:
 * the last segment's verb, on the collection above it. A candidate whose answers the schemas
 * cannot carry (a "get" answering a list) stays `other`.
 */
export function routesOf(model) {
    const shapes = model.operations.map((op) => shapeOf(op));
    const resources = new Map();
    for (const shape of shapes)
        if (shape.action !== "other")
            resources.set(shape.collection, [...(resources.get(shape.collection) ?? []), shape.op]);
    const built = new Map();
    for (const [name, ops] of resources) {
        const resource = describeResource(model, name, ops, shapes);
        if (resource)
            built.set(name, resource);
    }
    return shapes.map((shape) => {
        const resource = built.get(shape.collection);
        const action = resource && fits(model, shape.action, shape.op) ? shape.action : "other";
        return {
            op: shape.op,
            action,
            resource: action === "other" ? undefined : resource,
            idParameter: shape.idParameter,
            scopeParameters: shape.scopeParameters,
        };
    });
}
function shapeOf(op) {
    const segments = op.path.split("/").filter((segment) => segment !== "");
    const last = segments.at(-1) ?? "";
    const item = PARAMETER.exec(last)?.[1];
    const parameters = (list) => list.flatMap((segment) => PARAMETER.exec(segment)?.[1] ?? []);
    if (item) {
        const collection = `/${segments.slice(0, -1).join("/")}`;
        const action = op.method === "GET" ? "get" : op.method === "PUT" || op.method === "PATCH" ? "update" : op.method === "DELETE" ? "delete" : "other";
        return { op, action, collection, idParameter: item, scopeParameters: parameters(segments.slice(0, -1)) };
    }
    const rpc = op.method === "POST" ? RPC_VERBS.find(([verb]) => verb.test(last)) : undefined;
    if (rpc)
        return { op, action: rpc[1], collection: `/${segments.slice(0, -1).join("/")}`, idParameter: undefined, scopeParameters: parameters(segments) };
    const action = op.method === "POST" ? "create" : op.method === "GET" ? "list" : "other";
    return { op, action, collection: `/${segments.join("/")}`, idParameter: undefined, scopeParameters: parameters(segments) };
}
/** A resource needs a way to make objects and to read them back; else its operations answer samples. */
function describeResource(model, name, ops, shapes) {
    const of = (action) => shapes.filter((s) => s.collection === name && s.action === action);
    if (of("create").length === 0 || (of("list").length === 0 && of("get").length === 0))
        return undefined;
    const entitySchemas = ops.flatMap((op) => entitySchemasOf(model, op));
    const idCandidates = [...of("get").flatMap((s) => (s.idParameter ? [s.idParameter] : [])), ...of("get").flatMap((s) => idFieldsOfBody(model, s.op)), "id"];
    const names = new Set(entitySchemas.flatMap((s) => Object.keys(propertiesOf(model, s))));
    const idField = idCandidates.find((candidate) => names.has(candidate)) ?? [...names].find((n) => n.endsWith("_id"));
    const idSchema = idField ? entitySchemas.map((s) => resolve(model, propertiesOf(model, s)[idField])).find(Boolean) : undefined;
    const variants = [...new Set(ops.flatMap((op) => variantsOf(model, resolve(model, op.success[0]?.schema))))];
    return { name, idField, integerIds: idSchema ? typeOf(idSchema) === "integer" : false, variants };
}
/**
 * The keys of a type-keyed answer (`{ generic: {…}, container: {…} }` or `{ generic: [...] }`):
 * object properties whose values are objects or lists of objects. Only for answers made of
 * nothing else but such keys and counters, so that a plain object is not mistaken for one.
 */
export function variantsOf(model, schema) {
    if (!schema || typeOf(schema) !== "object")
        return [];
    const keyed = [];
    for (const [name, property] of Object.entries(propertiesOf(model, schema))) {
        const s = resolve(model, property) ?? {};
        const inner = typeOf(s) === "array" ? (resolve(model, s.items) ?? {}) : s;
        if (typeOf(inner) === "object" && Object.keys(propertiesOf(model, inner)).length > 0)
            keyed.push(name);
    }
    return keyed.length >= 2 || (keyed.length === 1 && Object.keys(propertiesOf(model, schema)).length === 1) ? keyed : [];
}
/** The schemas of the objects an operation's answer carries: itself, a list's items, or each variant's. */
function entitySchemasOf(model, op) {
    const schema = resolve(model, op.success[0]?.schema);
    if (!schema)
        return [];
    if (typeOf(schema) === "array")
        return [resolve(model, schema.items) ?? {}];
    const variants = variantsOf(model, schema);
    if (variants.length === 0)
        return [schema];
    return variants.map((name) => {
        const s = resolve(model, propertiesOf(model, schema)[name]) ?? {};
        return typeOf(s) === "array" ? (resolve(model, s.items) ?? {}) : s;
    });
}
/** The `…_id` properties of an RPC call's body (`{ node_id }` of `Nodes/Get`). */
function idFieldsOfBody(model, op) {
    return Object.keys(propertiesOf(model, resolve(model, op.body) ?? {})).filter((name) => name === "id" || name.endsWith("_id"));
}
/** A get must answer one object and a list a list (or an object holding lists). */
function fits(model, action, op) {
    const schema = resolve(model, op.success[0]?.schema);
    if (action === "get")
        return Boolean(schema) && typeOf(schema) !== "array";
    if (action === "list")
        return Boolean(schema) && (objectItems(model, schema) || arraysOf(model, schema).some((name) => objectItems(model, propertiesOf(model, schema)[name])));
    return true;
}
/** Whether a schema is a list of objects (what a list of stored objects can be answered as). */
function objectItems(model, schema) {
    const s = resolve(model, schema) ?? {};
    return typeOf(s) === "array" && typeOf(resolve(model, s.items) ?? {}) === "object";
}
/** The properties of an object answer that hold lists. */
export function arraysOf(model, schema) {
    return Object.entries(propertiesOf(model, schema))
        .filter(([, property]) => typeOf(resolve(model, property) ?? {}) === "array")
        .map(([name]) => name);
}
/** A schema's properties, its allOf parts' included. */
export function propertiesOf(model, schema, depth = 0) {
    const s = resolve(model, schema);
    if (!s || depth > 8)
        return {};
    const own = isObject(s.properties) ? s.properties : {};
    if (!Array.isArray(s.allOf))
        return own;
    return Object.assign({}, ...s.allOf.map((part) => propertiesOf(model, part, depth + 1)), own);
}

import { resolve } from "./model.js";
import { arraysOf, propertiesOf, routesOf, variantsOf } from "./resources.js";
import { fill, isObject, typeOf } from "./values.js";
/** Routes compiled per model and base path: the second fake of a version in a process compiles nothing. */
const compiled = new WeakMap();
function compile(model, base) {
    const byBase = compiled.get(model) ?? new Map();
    compiled.set(model, byBase);
    const cached = byBase.get(base);
    if (cached)
        return cached;
    const routes = routesOf(model)
        .map((route) => {
        const names = [];
        const source = route.op.path
            .split(/(\{[^}]+\})/)
            .map((part) => {
            const name = /^\{([^}]+)\}$/.exec(part)?.[1];
            if (name === undefined)
                return part.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&");
            names.push(name);
            return "([^/]+)";
        })
            .join("");
        return { route, method: route.op.method, pattern: new RegExp(`^${base.replace(/[.*+?^$()|[\]\\]/g, "\\$&")}${source}$`), names };
    })
        // Literal segments win over parameters: `/server/exclude_database/{sid}` before `/server/{sid}/…`.
        .sort((a, b) => a.names.length - b.names.length || b.route.op.path.length - a.route.op.path.length);
    byBase.set(base, routes);
    return routes;
}
/**
 * The fake's behaviour, whatever carries the requests (a socket or a fetch function): routing,
 * recording, faults, the gate (auth) and state.
 */
export class Engine {
    options;
    requests = [];
    routes;
    resources = new Map();
    store = new Map();
    counters = new Map();
    faults = [];
    timers = new Set();
    state;
    constructor(options) {
        this.options = options;
        this.routes = options.served.map(({ model, base }) => ({ model, compiled: compile(model, base) }));
        for (const { model, compiled: list } of this.routes)
            for (const { route } of list)
                if (route.resource)
                    this.resources.set(route.resource.name, { model, resource: route.resource });
        this.state = this.stateAccess();
        options.seed(this.state);
    }
    /** Which route a request is for. */
    match(method, path) {
        for (const { model, compiled: list } of this.routes) {
            for (const candidate of list) {
                if (candidate.method !== method)
                    continue;
                const found = candidate.pattern.exec(path);
                if (!found)
                    continue;
                const params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
                return { route: candidate.route, params, model };
            }
        }
        return undefined;
    }
    async handle(request) {
        const matched = this.match(request.method, request.path);
        const recorded = { ...request, operation: matched?.route.op.operation };
        this.requests.push(recorded);
        const fault = matched && this.faults.find((f) => f.operation === matched.route.op.operation && f.left > 0);
        if (fault) {
            fault.left--;
            if (fault.delayMs)
                await this.delay(fault.delayMs);
            if (fault.status !== undefined)
                return {
                    status: fault.status,
                    headers: fault.headers ?? {},
                    body: fault.body ?? errorBody(matched.model, matched.route.op, fault.status, "a fault the test asked for"),
                };
        }
        // Nothing here, whoever asks: what a PEM client looking for its layout needs to hear.
        if (!matched)
            return { status: 404, headers: {}, body: { message: `${request.method} ${request.path} is no operation of this fake` } };
        const refused = await this.options.gate(recorded, matched);
        if (refused)
            return refused;
        return this.answer(matched.model, matched.route, matched.params, request.body);
    }
    fail(fault) {
        const known = this.routes.some(({ compiled: list }) => list.some((c) => c.route.op.operation === fault.operation));
        if (!known) {
            const some = this.routes.flatMap(({ compiled: list }) => list.map((c) => c.route.op.operation)).slice(0, 3);
            throw new TypeError(`fail: this fake has no operation ${JSON.stringify(fault.operation)}; operations are client method names, such as ${some.join(", ")}.`);
        }
        this.faults.push({ ...fault, left: fault.times ?? 1 });
    }
    reset() {
        this.store.clear();
        this.counters.clear();
        this.faults = [];
        this.requests.length = 0;
        this.options.seed(this.state);
    }
    /** Ends pending delays, so that closing never waits for a fault's timer. */
    close() {
        for (const pending of this.timers) {
            clearTimeout(pending.timer);
            pending.done();
        }
        this.timers.clear();
    }
    delay(ms) {
        return new Promise((resolve) => {
            const pending = {
                timer: setTimeout(() => {
                    this.timers.delete(pending);
                    resolve();
                }, ms),
                done: resolve,
            };
            this.timers.add(pending);
        });
    }
    answer(model, route, params, body) {
        const { op, resource } = route;
        const status = Number(op.success[0]?.status ?? 200) || 200;
        const input = isObject(body) ? body : {};
        const scope = Object.fromEntries(route.scopeParameters.map((name) => [name, params[name] ?? ""]));
        const ok = (value) => (op.success[0]?.schema ? { status, headers: {}, body: value } : { status, headers: {} });
        if (!resource || route.action === "other")
            return ok(fill(model, op.success[0]?.schema, undefined));
        if (route.action === "create")
            return ok(this.answerOne(model, op, this.put(resource, input, scope, op)));
        if (route.action === "list")
            return ok(this.answerList(model, op, resource, this.listIn(resource, scope)));
        const id = route.idParameter ? params[route.idParameter] : resource.idField ? input[resource.idField] : undefined;
        const key = storeKey(scope, id);
        const stored = this.store.get(resource.name)?.get(key);
        if (!stored)
            return { status: 404, headers: {}, body: errorBody(model, op, 404, `no object with id ${JSON.stringify(id ?? null)}`) };
        if (route.action === "delete") {
            this.store.get(resource.name).delete(key);
            return ok(fill(model, op.success[0]?.schema, undefined));
        }
        if (route.action === "update") {
            const changes = stored.variant && isObject(input[stored.variant]) ? input[stored.variant] : input;
            for (const [name, value] of Object.entries(changes))
                if (name !== resource.idField && value !== undefined)
                    stored.value[name] = value;
        }
        return ok(this.answerOne(model, op, stored));
    }
    /** An answer carrying one object: as the object itself, or under its type key. */
    answerOne(model, op, stored) {
        const schema = resolve(model, op.success[0]?.schema);
        if (!schema)
            return undefined;
        if (stored.variant && variantsOf(model, schema).includes(stored.variant))
            return fill(model, schema, { [stored.variant]: stored.value });
        if (typeOf(schema) === "array")
            return fill(model, schema, [stored.value]);
        return fill(model, schema, stored.value);
    }
    /** A list answer: the objects themselves, or grouped into the answer's lists by type key. */
    answerList(model, op, resource, objects) {
        const schema = resolve(model, op.success[0]?.schema);
        if (!schema)
            return undefined;
        if (typeOf(schema) === "array")
            return fill(model, schema, objects.map((o) => o.value));
        const lists = arraysOf(model, schema);
        const carrying = lists.find((name) => {
            const items = resolve(model, resolve(model, propertiesOf(model, schema)[name])?.items) ?? {};
            return resource.idField !== undefined && Object.hasOwn(propertiesOf(model, items), resource.idField);
        });
        const grouped = {};
        for (const object of objects) {
            const list = object.variant && lists.includes(object.variant) ? object.variant : (carrying ?? lists[0]);
            if (list)
                grouped[list] = [...(grouped[list] ?? []), object.value];
        }
        return fill(model, schema, grouped);
    }
    listIn(resource, scope) {
        const all = [...(this.store.get(resource.name)?.values() ?? [])];
        return all.filter((o) => Object.entries(scope).every(([name, value]) => o.scope[name] === value));
    }
    /** Stores a create's body (or a seed) as a new object; `op` is the create, whose answer names the type key. */
    put(resource, body, scope, op) {
        const model = this.resources.get(resource.name).model;
        const answerVariants = op ? variantsOf(model, resolve(model, op.success[0]?.schema)) : resource.variants;
        const variant = resource.variants.find((name) => isObject(body[name])) ?? (answerVariants.length === 1 ? answerVariants[0] : undefined);
        const input = variant && isObject(body[variant]) ? body[variant] : body;
        const given = resource.idField ? input[resource.idField] : undefined;
        const id = given !== undefined && (typeof given === "string" || typeof given === "number") ? given : this.nextId(resource);
        const value = { ...input, ...(resource.idField ? { [resource.idField]: id } : {}) };
        const stored = { id, variant, scope, value };
        const objects = this.store.get(resource.name) ?? new Map();
        this.store.set(resource.name, objects);
        objects.set(storeKey(scope, id), stored);
        return stored;
    }
    nextId(resource) {
        const next = (this.counters.get(resource.name) ?? 0) + 1;
        this.counters.set(resource.name, next);
        if (resource.integerIds) {
            // Past any id a seed or a test stored.
            const taken = new Set([...(this.store.get(resource.name)?.values() ?? [])].map((o) => Number(o.id)));
            let id = next;
            while (taken.has(id))
                id++;
            this.counters.set(resource.name, id);
            return id;
        }
        return `${(resource.idField ?? "id").replace(/_?id$/, "") || "object"}-${next}`;
    }
    stateAccess() {
        const resourceOf = (name) => {
            const found = this.resources.get(name);
            if (!found)
                throw new TypeError(`This fake keeps no resource ${JSON.stringify(name)}; it keeps: ${[...this.resources.keys()].join(", ")}.`);
            return found.resource;
        };
        const find = (name, id) => [...(this.store.get(resourceOf(name).name)?.values() ?? [])].find((o) => String(o.id) === String(id));
        return {
            resources: () => [...this.resources.keys()].sort(),
            list: (name) => [...(this.store.get(resourceOf(name).name)?.values() ?? [])],
            get: find,
            put: (name, value, scope = {}) => this.put(resourceOf(name), value, scope),
            delete: (name, id) => {
                const found = find(name, id);
                return found ? this.store.get(name).delete(storeKey(found.scope, found.id)) : false;
            },
        };
    }
}
const storeKey = (scope, id) => `${JSON.stringify(scope)}\0${String(id)}`;
/** An error answer's body: the spec's error schema filled with a message (and PMM's gRPC code). */
export function errorBody(model, op, status, message) {
    const code = GRPC_CODES[status] ?? 2;
    return op?.error ? fill(model, op.error, { message, code, error: message }) : { message };
}
/** The gRPC codes PMM's gateway answers with, by HTTP status. */
const GRPC_CODES = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 6, 429: 8, 500: 13, 501: 12, 503: 14, 504: 4 };

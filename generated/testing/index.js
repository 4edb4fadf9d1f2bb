import { PemTokens, pmmGate } from "./auth.js";
import { createThrowawayPki } from "./certificate.js";
import { Engine } from "./engine.js";
import { models, versions } from "./models.js";
import { engineFetch, listen } from "./transport.js";
const DEFAULT_PEM_USER = { username: "pem-user", password: "pem-password" };
const DEFAULT_PMM_TOKEN = "fake-pmm-token";
const DEFAULT_PMM_USER = { username: "admin", password: "admin" };
/** Loopback, so that clients send credentials over plain http; nothing is sent there, the fetch answers. */
const FETCH_ORIGIN = "http://127.0.0.1";
/** A fake PEM server on 127.0.0.1 (a free port), with PEM's token login and state derived from the version's spec. */
export async function startFakePem(options = {}) {
    const { engine, controls } = await pemEngine(options);
    return serve(engine, controls, options.tls);
}
/** A fake PMM server on 127.0.0.1 (a free port), with PMM's credentials and state derived from the version's spec. */
export async function startFakePmm(options = {}) {
    const { engine, controls } = await pmmEngine(options);
    return serve(engine, controls, options.tls);
}
export async function createFakeFetch(options) {
    if (!options || (options.api !== "pem" && options.api !== "pmm"))
        throw new TypeError('createFakeFetch needs options.api: "pem" or "pmm".');
    const { engine, controls } = options.api === "pem" ? await pemEngine(options) : await pmmEngine(options);
    return Object.assign(controlsOf(engine, controls), { fetch: engineFetch(engine), url: FETCH_ORIGIN });
}
async function pemEngine(options) {
    const model = await load("pem", options.version, "startFakePem");
    const tokenModel = (await models.pem.token()).default;
    const layout = options.layout ?? model.basePath.replace(/\/v\d+$/, "");
    if (layout !== "/api" && layout !== "/pem/api")
        throw new TypeError(`startFakePem: layout must be "/api" or "/pem/api"; got ${JSON.stringify(layout)}.`);
    const users = userList(options.users, DEFAULT_PEM_USER, "startFakePem");
    const ttlMs = options.tokenTtlMs ?? 20 * 60_000;
    if (!(Number.isFinite(ttlMs) && ttlMs > 0))
        throw new TypeError(`startFakePem: tokenTtlMs must be a positive number of ms; got ${String(ttlMs)}.`);
    const tokens = new PemTokens({ users, ttlMs, tokenModel, supported: versions.pem ?? [] });
    const engine = createEngine([
        // The spec's own version segment (`/pem/api/v17`), which its clients send, under the layout asked for.
        { model, base: `${layout}/${model.basePath.replace(/^.*\//, "")}` },
        { model: tokenModel, base: layout },
    ], tokens.gate, (state) => {
        // A PEM server monitors itself: it is server 1 from the start.
        if (state.resources().includes("/server"))
            state.put("/server", {
                id: 1,
                server_id: 1,
                name: "PEM Server",
                description: "PEM Server",
                server: "127.0.0.1",
                host: "127.0.0.1",
                port: 5432,
                active: true,
            });
    }, options.seed);
    const controls = {
        api: "pem",
        version: model.version,
        users,
        issuedTokens: tokens.issued,
        expireTokens: () => tokens.expire(),
    };
    return { engine, controls };
}
async function pmmEngine(options) {
    const model = await load("pmm", options.version, "startFakePmm");
    const users = userList(options.users, DEFAULT_PMM_USER, "startFakePmm");
    const tokens = options.tokens ?? [DEFAULT_PMM_TOKEN];
    if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === "string" && t !== ""))
        throw new TypeError("startFakePmm: tokens must be an array of non-empty strings.");
    const engine = createEngine([{ model, base: model.basePath }], pmmGate(tokens, users), () => { }, options.seed);
    const controls = { api: "pmm", version: model.version, tokens, users };
    return { engine, controls };
}
function createEngine(served, gate, builtIn, seed) {
    return new Engine({
        served,
        gate,
        seed: (state) => {
            builtIn(state);
            for (const [resource, objects] of Object.entries(seed ?? {}))
                for (const object of objects)
                    state.put(resource, object);
        },
    });
}
async function serve(engine, controls, tls) {
    const pki = tls ? createThrowawayPki() : undefined;
    const server = await listen(engine, pki);
    return Object.assign(controlsOf(engine, controls), {
        url: server.url,
        ca: pki?.ca,
        close: server.close,
        [Symbol.asyncDispose]: server.close,
    });
}
function controlsOf(engine, controls) {
    return Object.assign(controls, {
        requests: engine.requests,
        state: engine.state,
        fail: (fault) => engine.fail(checkedFault(fault)),
        reset: () => engine.reset(),
    });
}
/** Models loaded once per process: the second fake of a version starts without reading it again. */
const loaded = new Map();
async function load(api, version, caller) {
    const available = versions[api] ?? [];
    const chosen = version ?? available.at(-1);
    if (chosen === undefined || !available.includes(chosen))
        throw new TypeError(`${caller}: version must be one of ${available.map((v) => JSON.stringify(v)).join(", ")}; got ${JSON.stringify(version)}.`);
    const key = `${api}/${chosen}`;
    const model = loaded.get(key) ?? models[api][chosen]().then((module) => module.default);
    loaded.set(key, model);
    return model;
}
function userList(users, fallback, caller) {
    const list = users ?? [fallback];
    if (!Array.isArray(list) || !list.every((u) => u && typeof u.username === "string" && typeof u.password === "string"))
        throw new TypeError(`${caller}: users must be an array of { username, password } strings.`);
    return list;
}
function checkedFault(fault) {
    if (!fault || typeof fault.operation !== "string")
        throw new TypeError('fail: give the operation as its client method name, e.g. { operation: "nodes.listNodes", status: 503 }.');
    if (fault.status === undefined && fault.delayMs === undefined)
        throw new TypeError("fail: give a status, a delayMs, or both.");
    return fault;
}

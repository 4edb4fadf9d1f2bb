import type { ClientLifecycle } from "../runtime/client.js";
import { type FakeUser, PemTokens, pmmGate } from "./auth.js";
import { createThrowawayPki } from "./certificate.js";
import { Engine, type FakeState, type Fault, type Gate, type RecordedRequest } from "./engine.js";
import type { FakeModel } from "./model.js";
import { models, type PemVersion, type PmmVersion, versions } from "./models.js";
import { engineFetch, listen } from "./transport.js";

export type { FakeUser } from "./auth.js";
export type { FakeAnswer, FakeState, Fault, RecordedRequest, StoredObject } from "./engine.js";
export type { PemVersion, PmmVersion } from "./models.js";

/** Objects to store at start and after reset(): resource name (`/server`, `/v1/inventory/nodes`) → objects, as state.put takes them. */
export type FakeSeed = Record<string, Record<string, unknown>[]>;

interface CommonOptions {
  /** `true`: serve HTTPS with a throwaway CA's certificate for 127.0.0.1; the fake's `ca` is that CA. */
  tls?: boolean;
  seed?: FakeSeed;
}

export interface FakePemOptions extends CommonOptions {
  /** The API version served (default: the newest). */
  version?: PemVersion;
  /** Who may log in (default: one user, `pem-user` / `pem-password`). */
  users?: FakeUser[];
  /** How long a token lives (20 minutes). */
  tokenTtlMs?: number;
  /** Where the API is served: `/api` or `/pem/api` (default: the version's). */
  layout?: "/api" | "/pem/api";
}

export interface FakePmmOptions extends CommonOptions {
  /** The API version served (default: the newest). */
  version?: PmmVersion;
  /** Accepted Bearer tokens and API keys (also as Basic `api_key:TOKEN`); default one, `fake-pmm-token`. */
  tokens?: string[];
  /** Accepted Basic users (default: `admin` / `admin`). */
  users?: FakeUser[];
}

/** What a fake does, over a socket or through a fetch function. */
export interface FakeControls {
  api: "pem" | "pmm";
  version: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** The stored objects. */
  readonly state: FakeState;
  /** Makes the next `times` calls of an operation answer `status` (or wait `delayMs`). */
  fail(fault: Fault): void;
  /** Clears stored objects (back to the seed), faults and recorded requests. */
  reset(): void;
}

/** `await using fake = …` closes it; the symbol is declared as the runtime declares it, for projects without esnext.disposable. */
export interface FakeServer extends FakeControls, Pick<ClientLifecycle, typeof Symbol.asyncDispose> {
  /** The origin to pass as `baseUrl`: `http://127.0.0.1:PORT`. */
  url: string;
  /** With `tls: true`: the CA certificate (PEM text) to pass as `tls: { ca }`. */
  ca: string | undefined;
  close(): Promise<void>;
}

export interface PemControls {
  /** The users who may log in. */
  users: readonly FakeUser[];
  /** Every token issued, in order (released and expired ones too). */
  readonly issuedTokens: readonly string[];
  /** Makes every token issued so far expire now. */
  expireTokens(): void;
}

export interface PmmControls {
  tokens: readonly string[];
  users: readonly FakeUser[];
}

export type FakePem = FakeServer & PemControls;
export type FakePmm = FakeServer & PmmControls;

/** A fake with no socket: pass `fetch` as `createClient({ baseUrl: url, fetch })`. */
export type FakeFetch<Controls> = FakeControls &
  Controls & {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
    /** An origin for `baseUrl` (loopback); nothing is sent there. */
    url: string;
  };

const DEFAULT_PEM_USER: FakeUser = { username: "pem-user", password: "pem-password" };
const DEFAULT_PMM_TOKEN = "fake-pmm-token";
const DEFAULT_PMM_USER: FakeUser = { username: "admin", password: "admin" };
/** Loopback, so that clients send credentials over plain http; nothing is sent there, the fetch answers. */
const FETCH_ORIGIN = "http://127.0.0.1";

/** A fake PEM server on 127.0.0.1 (a free port), with PEM's token login and state derived from the version's spec. */
export async function startFakePem(options: FakePemOptions = {}): Promise<FakePem> {
  const { engine, controls } = await pemEngine(options);
  return serve(engine, controls, options.tls);
}

/** A fake PMM server on 127.0.0.1 (a free port), with PMM's credentials and state derived from the version's spec. */
export async function startFakePmm(options: FakePmmOptions = {}): Promise<FakePmm> {
  const { engine, controls } = await pmmEngine(options);
  return serve(engine, controls, options.tls);
}

/** The same fake without a socket: its `fetch` answers as the server would. */
export async function createFakeFetch(options: { api: "pem" } & Omit<FakePemOptions, "tls">): Promise<FakeFetch<PemControls>>;
export async function createFakeFetch(options: { api: "pmm" } & Omit<FakePmmOptions, "tls">): Promise<FakeFetch<PmmControls>>;
export async function createFakeFetch(
  options: ({ api: "pem" } & Omit<FakePemOptions, "tls">) | ({ api: "pmm" } & Omit<FakePmmOptions, "tls">),
): Promise<FakeFetch<PemControls> | FakeFetch<PmmControls>> {
  if (!options || (options.api !== "pem" && options.api !== "pmm")) throw new TypeError('createFakeFetch needs options.api: "pem" or "pmm".');
  const { engine, controls } = options.api === "pem" ? await pemEngine(options) : await pmmEngine(options);
  return Object.assign(controlsOf(engine, controls), { fetch: engineFetch(engine), url: FETCH_ORIGIN });
}

async function pemEngine(options: FakePemOptions) {
  const model = await load("pem", options.version, "startFakePem");
  const tokenModel = (await models.pem!.token!()).default;
  const layout = options.layout ?? (model.basePath.replace(/\/v\d+$/, "") as "/api" | "/pem/api");
  if (layout !== "/api" && layout !== "/pem/api") throw new TypeError(`startFakePem: layout must be "/api" or "/pem/api"; got ${JSON.stringify(layout)}.`);
  const users = userList(options.users, DEFAULT_PEM_USER, "startFakePem");
  const ttlMs = options.tokenTtlMs ?? 20 * 60_000;
  if (!(Number.isFinite(ttlMs) && ttlMs > 0)) throw new TypeError(`startFakePem: tokenTtlMs must be a positive number of ms; got ${String(ttlMs)}.`);
  const tokens = new PemTokens({ users, ttlMs, tokenModel, supported: versions.pem ?? [] });
  const engine = createEngine(
    [
      // The spec's own version segment (`/pem/api/v17`), which its clients send, under the layout asked for.
      { model, base: `${layout}/${model.basePath.replace(/^.*\//, "")}` },
      { model: tokenModel, base: layout },
    ],
    tokens.gate,
    (state) => {
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
    },
    options.seed,
  );
  const controls: PemControls & { api: "pem"; version: string } = {
    api: "pem",
    version: model.version,
    users,
    issuedTokens: tokens.issued,
    expireTokens: () => tokens.expire(),
  };
  return { engine, controls };
}

async function pmmEngine(options: FakePmmOptions) {
  const model = await load("pmm", options.version, "startFakePmm");
  const users = userList(options.users, DEFAULT_PMM_USER, "startFakePmm");
  const tokens = options.tokens ?? [DEFAULT_PMM_TOKEN];
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === "string" && t !== ""))
    throw new TypeError("startFakePmm: tokens must be an array of non-empty strings.");
  const engine = createEngine([{ model, base: model.basePath }], pmmGate(tokens, users), () => {}, options.seed);
  const controls: PmmControls & { api: "pmm"; version: string } = { api: "pmm", version: model.version, tokens, users };
  return { engine, controls };
}

function createEngine(served: { model: FakeModel; base: string }[], gate: Gate, builtIn: (state: FakeState) => void, seed: FakeSeed | undefined): Engine {
  return new Engine({
    served,
    gate,
    seed: (state) => {
      builtIn(state);
      for (const [resource, objects] of Object.entries(seed ?? {})) for (const object of objects) state.put(resource, object);
    },
  });
}

async function serve<Controls extends { api: "pem" | "pmm"; version: string }>(engine: Engine, controls: Controls, tls: boolean | undefined) {
  const pki = tls ? createThrowawayPki() : undefined;
  const server = await listen(engine, pki);
  return Object.assign(controlsOf(engine, controls), {
    url: server.url,
    ca: pki?.ca,
    close: server.close,
    [Symbol.asyncDispose]: server.close,
  });
}

function controlsOf<Controls extends { api: "pem" | "pmm"; version: string }>(engine: Engine, controls: Controls): FakeControls & Controls {
  return Object.assign(controls, {
    requests: engine.requests,
    state: engine.state,
    fail: (fault: Fault) => engine.fail(checkedFault(fault)),
    reset: () => engine.reset(),
  });
}

/** Models loaded once per process: the second fake of a version starts without reading it again. */
const loaded = new Map<string, Promise<FakeModel>>();

async function load(api: "pem" | "pmm", version: string | undefined, caller: string): Promise<FakeModel> {
  const available = versions[api] ?? [];
  const chosen = version ?? available.at(-1);
  if (chosen === undefined || !available.includes(chosen))
    throw new TypeError(`${caller}: version must be one of ${available.map((v) => JSON.stringify(v)).join(", ")}; got ${JSON.stringify(version)}.`);
  const key = `${api}/${chosen}`;
  const model = loaded.get(key) ?? models[api]![chosen]!().then((module) => module.default);
  loaded.set(key, model);
  return model;
}

function userList(users: FakeUser[] | undefined, fallback: FakeUser, caller: string): FakeUser[] {
  const list = users ?? [fallback];
  if (!Array.isArray(list) || !list.every((u) => u && typeof u.username === "string" && typeof u.password === "string"))
    throw new TypeError(`${caller}: users must be an array of { username, password } strings.`);
  return list;
}

function checkedFault(fault: Fault): Fault {
  if (!fault || typeof fault.operation !== "string")
    throw new TypeError('fail: give the operation as its client method name, e.g. { operation: "nodes.listNodes", status: 503 }.');
  if (fault.status === undefined && fault.delayMs === undefined) throw new TypeError("fail: give a status, a delayMs, or both.");
  return fault;
}

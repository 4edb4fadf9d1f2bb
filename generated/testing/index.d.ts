import type { ClientLifecycle } from "../runtime/client.js";
import { type FakeUser } from "./auth.js";
import { type FakeState, type Fault, type RecordedRequest } from "./engine.js";
import { type PemVersion, type PmmVersion } from "./models.js";
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
export type FakeFetch<Controls> = FakeControls & Controls & {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
    /** An origin for `baseUrl` (loopback); nothing is sent there. */
    url: string;
};
/** A fake PEM server on 127.0.0.1 (a free port), with PEM's token login and state derived from the version's spec. */
export declare function startFakePem(options?: FakePemOptions): Promise<FakePem>;
/** A fake PMM server on 127.0.0.1 (a free port), with PMM's credentials and state derived from the version's spec. */
export declare function startFakePmm(options?: FakePmmOptions): Promise<FakePmm>;
/** The same fake without a socket: its `fetch` answers as the server would. */
export declare function createFakeFetch(options: {
    api: "pem";
} & Omit<FakePemOptions, "tls">): Promise<FakeFetch<PemControls>>;
export declare function createFakeFetch(options: {
    api: "pmm";
} & Omit<FakePmmOptions, "tls">): Promise<FakeFetch<PmmControls>>;

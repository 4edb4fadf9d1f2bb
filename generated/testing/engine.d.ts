import type { FakeModel, FakeOperation } from "./model.js";
import { type Route } from "./resources.js";
/** A request as the fake received it and records it. */
export interface RecordedRequest {
    method: string;
    /** Without the query. */
    path: string;
    query: Record<string, string | string[]>;
    /** Names in lower case. */
    headers: Record<string, string>;
    /** The parsed JSON body; the text when it is not JSON; undefined when there is none. */
    body: unknown;
    /** The client method it matched (`nodes.listNodes`), if any. */
    operation: string | undefined;
}
/** What the fake answers. */
export interface FakeAnswer {
    status: number;
    headers: Record<string, string>;
    /** Sent as JSON; undefined: no body. */
    body?: unknown;
}
/** A fault to inject: see FakeServer.fail. */
export interface Fault {
    /** The client method name: `nodes.listNodes`, `server.get`, `token.create`. */
    operation: string;
    /** The status to answer with; without it the call is answered as usual after `delayMs`. */
    status?: number;
    /** How many calls it applies to (1). */
    times?: number;
    /** The answer's body (a sample of the spec's error body otherwise). */
    body?: unknown;
    /** Extra answer headers (`Retry-After`). */
    headers?: Record<string, string>;
    /** Wait this long before answering. */
    delayMs?: number;
}
/** One stored object. */
export interface StoredObject {
    id: string | number;
    /** The type key it was created under (`generic`), for type-keyed APIs. */
    variant: string | undefined;
    /** Values of the path parameters above it (`{ sid: "1" }`). */
    scope: Record<string, string>;
    value: Record<string, unknown>;
}
/** Read and write access to what the fake stores, by resource name (the collection's path: `/server`, `/v1/inventory/nodes`). */
export interface FakeState {
    /** The names of the resources this version keeps. */
    resources(): string[];
    list(resource: string): StoredObject[];
    get(resource: string, id: string | number): StoredObject | undefined;
    /**
     * Stores an object, as a create would (a new id unless it has one). For type-keyed
     * resources pass it as a create's body: `{ generic: { node_name } }`.
     */
    put(resource: string, value: Record<string, unknown>, scope?: Record<string, string>): StoredObject;
    delete(resource: string, id: string | number): boolean;
}
/** Decides whether a request may proceed; an answer (401) refuses it. */
export type Gate = (request: RecordedRequest, route: MatchedRoute) => FakeAnswer | undefined | Promise<FakeAnswer | undefined>;
export interface MatchedRoute {
    route: Route;
    params: Record<string, string>;
}
export interface EngineOptions {
    /** The versions' models this fake answers for, each at its base path. */
    served: {
        model: FakeModel;
        base: string;
    }[];
    gate: Gate;
    /** Objects stored at start and after reset(). */
    seed: (state: FakeState) => void;
}
/**
 * The fake's behaviour, whatever carries the requests (a socket or a fetch function): routing,
 * recording, faults, the gate (auth) and state.
 */
export declare class Engine {
    private readonly options;
    readonly requests: RecordedRequest[];
    private readonly routes;
    private readonly resources;
    private readonly store;
    private readonly counters;
    private faults;
    private readonly timers;
    readonly state: FakeState;
    constructor(options: EngineOptions);
    /** Which route a request is for. */
    match(method: string, path: string): (MatchedRoute & {
        model: FakeModel;
    }) | undefined;
    handle(request: Omit<RecordedRequest, "operation">): Promise<FakeAnswer>;
    fail(fault: Fault): void;
    reset(): void;
    /** Ends pending delays, so that closing never waits for a fault's timer. */
    close(): void;
    private delay;
    private answer;
    /** An answer carrying one object: as the object itself, or under its type key. */
    private answerOne;
    /** A list answer: the objects themselves, or grouped into the answer's lists by type key. */
    private answerList;
    private listIn;
    /** Stores a create's body (or a seed) as a new object; `op` is the create, whose answer names the type key. */
    private put;
    private nextId;
    private stateAccess;
}
/** An error answer's body: the spec's error schema filled with a message (and PMM's gRPC code). */
export declare function errorBody(model: FakeModel, op: FakeOperation | undefined, status: number, message: string): unknown;

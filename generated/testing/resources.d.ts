import { type FakeModel, type FakeOperation, type Schema } from "./model.js";
/** What an operation does to stored state; `other` operations answer a sample. */
export type Action = "create" | "list" | "get" | "update" | "delete" | "other";
/** A collection of stored objects, found from the spec's paths: `/v1/inventory/nodes`, `/server`. */
export interface Resource {
    /** Its name in `state`: the collection's path template, without a trailing slash. */
    name: string;
    /** The property that holds each object's id (`node_id`, `id`); undefined when no schema names one. */
    idField: string | undefined;
    /** Whether ids are integers (PEM) or strings (PMM). */
    integerIds: boolean;
    /** Type-keyed bodies (PMM's `{ generic: {…} }`): the keys an object may be stored under. */
    variants: string[];
}
/** An operation with what it does and to which resource. */
export interface Route {
    op: FakeOperation;
    action: Action;
    resource: Resource | undefined;
    /** The path parameter that names the object (REST item paths), else the id travels in the body (RPC calls). */
    idParameter: string | undefined;
    /** The path parameters above the object (`sid` in `/server/{sid}/database/{db_name}`): objects are kept per their values. */
    scopeParameters: string[];
}
/**
 * Every operation's route. REST paths: a collection (`/server/`, `/v1/inventory/nodes`) takes
 * POST (create) and GET (list), its item (`…/{id}`) GET, PUT/PATCH and DELETE. RPC paths:
 * the last segment's verb, on the collection above it. A candidate whose answers the schemas
 * cannot carry (a "get" answering a list) stays `other`.
 */
export declare function routesOf(model: FakeModel): Route[];
/**
 * The keys of a type-keyed answer (`{ generic: {…}, container: {…} }` or `{ generic: [...] }`):
 * object properties whose values are objects or lists of objects. Only for answers made of
 * nothing else but such keys and counters, so that a plain object is not mistaken for one.
 */
export declare function variantsOf(model: FakeModel, schema: Schema | undefined): string[];
/** The properties of an object answer that hold lists. */
export declare function arraysOf(model: FakeModel, schema: Schema): string[];
/** A schema's properties, its allOf parts' included. */
export declare function propertiesOf(model: FakeModel, schema: Schema, depth?: number): Record<string, Schema>;

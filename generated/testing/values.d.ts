import { type FakeModel, type Schema } from "./model.js";
/**
 * A value valid under `schema` made from `input`: what of `input` fits is kept (names the
 * schema knows, values of the right JSON type and enum), the rest dropped, and what the schema
 * requires but `input` lacks is filled in with a plain sample. Arrays without input are empty and
 * optional properties without input are left out, so an answer says only what the fake knows.
 */
export declare function fill(model: FakeModel, schema: Schema | undefined, input: unknown, depth?: number): unknown;
/** The JSON type a schema reads as (a missing `type` with properties is an object, with items an array). */
export declare function typeOf(s: Schema): string | undefined;
export declare const isObject: (value: unknown) => value is Record<string, unknown>;

// Stands in, when templates/ is type-checked, for testing/models.js, which the generator writes
// from specs/ (generator/emit/fake-model.ts) with each API's versions as a union type.
import type { FakeModel } from "./model.js";

export type PemVersion = string;
export type PmmVersion = string;
export declare const versions: Record<string, readonly string[]>;
export declare const models: Record<string, Record<string, () => Promise<{ default: FakeModel }>>>;

import type { OpenAPIV3 } from "openapi-types";
import { resolveRef } from "../../normalize/resolve-ref.js";
import type { OperationRef } from "../api-diff.js";
import { type InputLocation, type OperationProfile, propertiesOf, requestBodySchema } from "./operation-profile.js";
import { words } from "./words.js";

type Schema = OpenAPIV3.SchemaObject;

/** Where one input field of the old call goes in the new one. */
export interface InputMove {
  field: string;
  from: InputLocation;
  /** Absent when the new operation no longer takes the field. */
  to?: InputLocation;
  /** The field's new name, when only its spelling changed (`serviceIds` → `service_ids`). */
  renamedTo?: string;
  /** The body key the field now sits under (`body.generic.node_name`). */
  under?: string;
  /** Old enum values and what the new version calls them. */
  enumRenames?: { from: string; to: string }[];
  /**
   * For a field no longer taken: the new field that says the opposite (`disable_telemetry` →
   * `enable_telemetry`), so that dropping the old one would change what the call means.
   */
  inverted?: { field: string; in: InputLocation; under?: string };
}

/** Words that turn a name into its opposite: `disable_x` ↔ `enable_x`. */
const OPPOSITES = new Map(
  [
    ["disable", "enable"],
    ["disabled", "enabled"],
    ["deny", "allow"],
    ["hide", "show"],
    ["exclude", "include"],
  ].flatMap(([a, b]) => [
    [a!, b!],
    [b!, a!],
  ]),
);

/** Whether two names are the same words but one, which is its opposite. */
function opposite(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  const differing = x.flatMap((word, i) => (word !== y[i] ? [i] : []));
  return x.length === y.length && differing.length === 1 && OPPOSITES.get(x[differing[0]!]!) === y[differing[0]!];
}

export interface CallMoves {
  inputs: InputMove[];
  /** Inputs the new operation requires that the old one did not take. */
  newRequired: { field: string; in: InputLocation; under?: string }[];
  /**
   * Top-level response properties that went and came; for a merged operation whose response is
   * keyed like its body, those under the key (`under`).
   */
  response: { removed: string[]; added: string[]; under?: string };
}

interface Field {
  in: InputLocation;
  schema: Schema | undefined;
  required: boolean;
  under?: string;
}

/** How the inputs and the response of `before` map onto `after` (addressed by `key` when merged). */
export function callMoves(documents: { old: unknown; new: unknown }, before: OperationProfile, after: OperationProfile, key: string | undefined): CallMoves {
  const oldFields = fields(documents.old, before.ref, undefined);
  const newFields = fields(documents.new, after.ref, key);
  const unclaimed = new Map(newFields);
  const inputs: InputMove[] = [...oldFields].map(([name, field]) => {
    const target = newFields.has(name) ? name : [...unclaimed.keys()].find((candidate) => sameWords(candidate, name));
    if (target === undefined) {
      const inverse = [...newFields].find(([candidate]) => opposite(name, candidate));
      if (!inverse) return { field: name, from: field.in };
      const [inverseName, inverseField] = inverse;
      return {
        field: name,
        from: field.in,
        inverted: { field: inverseName, in: inverseField.in, ...(inverseField.under ? { under: inverseField.under } : {}) },
      };
    }
    const found = unclaimed.get(target) ?? newFields.get(target)!;
    unclaimed.delete(target);
    const move: InputMove = { field: name, from: field.in, to: found.in };
    if (target !== name) move.renamedTo = target;
    if (found.under) move.under = found.under;
    const renames = enumRenames(documents, field.schema, found.schema);
    if (renames.length > 0) move.enumRenames = renames;
    return move;
  });
  const newRequired = [...unclaimed].filter(([, f]) => f.required).map(([field, f]) => ({ field, in: f.in, ...(f.under ? { under: f.under } : {}) }));
  const wrapped = key !== undefined && !before.outputs.has(key) ? after.outputKeys.get(key) : undefined;
  const outputs = new Set(wrapped ?? after.outputs);
  const removed = [...before.outputs].filter((p) => !outputs.has(p)).sort();
  const added = [...outputs].filter((p) => !before.outputs.has(p)).sort();
  return { inputs, newRequired, response: { removed, added, ...(wrapped ? { under: key } : {}) } };
}

function sameWords(a: string, b: string): boolean {
  return words(a).join(" ") === words(b).join(" ");
}

/** Every input field by name; a merged operation's body fields are those under its key. */
function fields(document: unknown, ref: OperationRef, key: string | undefined): Map<string, Field> {
  const result = new Map<string, Field>();
  for (const p of ref.parameters) {
    if (p.in === "cookie") continue;
    result.set(p.name, { in: p.in as InputLocation, schema: resolveRef<Schema>(document, p.schema), required: p.in === "path" || p.required === true });
  }
  let body = requestBodySchema(document, ref);
  if (key !== undefined) body = propertiesOf(document, body)[key];
  const required = new Set(body?.required ?? []);
  for (const [name, schema] of Object.entries(propertiesOf(document, body))) {
    if (!result.has(name)) result.set(name, { in: "body", schema, required: required.has(name), ...(key !== undefined ? { under: key } : {}) });
  }
  return result;
}

/** `GENERIC_NODE` → `NODE_TYPE_GENERIC_NODE`: an old value the new enum spells with a prefix or suffix. */
function enumRenames(documents: { old: unknown; new: unknown }, before: Schema | undefined, after: Schema | undefined): { from: string; to: string }[] {
  const values = (document: unknown, schema: Schema | undefined): string[] => {
    const items = schema?.type === "array" ? resolveRef<Schema>(document, schema.items) : schema;
    return (items?.enum ?? []).filter((v): v is string => typeof v === "string");
  };
  const [was, is] = [values(documents.old, before), values(documents.new, after)];
  return was
    .filter((value) => !is.includes(value))
    .flatMap((value) => {
      const renamed = is.filter((candidate) => candidate.endsWith(`_${value}`) || candidate.startsWith(`${value}_`));
      return renamed.length === 1 ? [{ from: value, to: renamed[0]! }] : [];
    });
}

import type { OperationModel } from "../../normalize/build-model.js";
import { clientMethod, type OperationTypeKind, operationTypeName, takesInput } from "../../normalize/public-names.js";
import { operationLabel, typescriptView } from "../change.js";
import type { Successor } from "./find-successors.js";
import type { InputMove } from "./input-moves.js";
import type { InputLocation } from "./operation-profile.js";

/** A successor as reports, guides and the upgrade tool read it: labels and TypeScript, no models. */
export interface SuccessorReport {
  /** `POST /v1/inventory/Nodes/List` */
  old: string;
  /** `GET /v1/inventory/nodes` */
  new: string;
  kind: Successor["kind"];
  key?: string;
  confidence: number;
  evidence: string[];
  /** `nodes.listNodes` in the old client and in the new one. */
  oldMethod: string;
  newMethod: string;
  /** `pmm.nodes.listNodes({ body: { node_type } })` */
  oldCall: string;
  newCall: string;
  /** Whether each method takes an input argument before its call options. */
  oldTakesInput: boolean;
  newTakesInput: boolean;
  /** The input locations the new method requires even when no field in them is required (PMM 3's `body: {}`). */
  newRequiredLocations: InputLocation[];
  /** The old operation's generated type names and what the new one calls them: `Agents.AddNodeExporterBody` → `Agents.AddAgentBody`. */
  types: Record<string, string>;
  inputs: InputMove[];
  newRequired: Successor["newRequired"];
  response: Successor["response"];
  /** One sentence per thing to change at a call site. */
  steps: string[];
  /**
   * What old code must change: the call itself (method, inputs, body key), only reads of
   * response fields that went, or nothing (the client hides the new URL).
   */
  impact: "call" | "response" | "none";
}

/** Fields shown in a call before the rest is elided: enough to see the shape. */
const SHOWN_FIELDS = 4;

export function describeSuccessor(api: string, successor: Successor): SuccessorReport {
  const [before, after] = [successor.old.model, successor.new.model];
  const taken = successor.inputs.filter((m) => m.to !== undefined);
  const report: SuccessorReport = {
    old: operationLabel(before),
    new: operationLabel(after),
    kind: successor.kind,
    ...(successor.key !== undefined ? { key: successor.key } : {}),
    confidence: successor.confidence,
    evidence: successor.evidence,
    oldMethod: clientMethod(before),
    newMethod: clientMethod(after),
    oldCall: call(
      api,
      before,
      successor.inputs.map((m) => ({ location: m.from, field: m.field })),
    ),
    newCall: call(api, after, [
      ...taken.map((m) => ({ location: m.to!, field: m.renamedTo ?? m.field, ...(m.under !== undefined ? { under: m.under } : {}) })),
      ...successor.newRequired.map((r) => ({ location: r.in, field: r.field, ...(r.under !== undefined ? { under: r.under } : {}) })),
    ]),
    oldTakesInput: takesInput(before),
    newTakesInput: takesInput(after),
    newRequiredLocations: requiredLocations(after),
    types: typeRenames(before, after),
    inputs: successor.inputs,
    newRequired: successor.newRequired,
    response: successor.response,
    steps: [],
    impact: "none",
  };
  report.steps = steps(report);
  report.impact = impact(report);
  return report;
}

function requiredLocations(operation: OperationModel): InputLocation[] {
  const parameters = (["path", "query", "header"] as const).filter((location) => operation.parameters[location]?.required);
  return operation.requestBody?.required ? [...parameters, "body"] : parameters;
}

function impact(report: SuccessorReport): SuccessorReport["impact"] {
  const inputsMove = report.inputs.some((m) => m.to !== m.from || m.renamedTo !== undefined || m.under !== undefined || m.enumRenames !== undefined);
  const callMoves = report.oldMethod !== report.newMethod || report.oldTakesInput !== report.newTakesInput || inputsMove || report.newRequired.length > 0;
  return callMoves ? "call" : report.response.removed.length > 0 || report.response.under !== undefined ? "response" : "none";
}

function steps(report: SuccessorReport): string[] {
  const result: string[] = [];
  if (report.oldMethod !== report.newMethod) result.push(`call ${report.newMethod}() instead of ${report.oldMethod}()`);
  if (report.oldTakesInput && !report.newTakesInput) result.push(`drop the input: ${report.newMethod}() takes none`);
  if (report.key !== undefined) result.push(`put the body under "${report.key}": { body: { ${report.key}: { … } } }`);
  for (const move of report.inputs) {
    const from = `${move.from}.${move.field}`;
    if (move.inverted) {
      const inverse = `${move.inverted.in}.${move.inverted.under !== undefined ? `${move.inverted.under}.` : ""}${move.inverted.field}`;
      result.push(`${from} is no longer taken, and ${inverse} means the opposite: send ${inverse} with the inverted value instead of dropping it`);
      continue;
    }
    if (move.to === undefined) {
      result.push(`${from} is no longer taken: drop it`);
      continue;
    }
    const to = `${move.to}.${move.under !== undefined ? `${move.under}.` : ""}${move.renamedTo ?? move.field}`;
    if (move.to !== move.from || move.renamedTo !== undefined) result.push(`${from} → ${to}`);
    for (const rename of move.enumRenames ?? []) result.push(`${move.renamedTo ?? move.field}: "${rename.from}" → "${rename.to}"`);
  }
  for (const field of report.newRequired) result.push(`${field.in}.${field.under !== undefined ? `${field.under}.` : ""}${field.field} is now required`);
  if (report.response.under !== undefined) result.push(`read the response under "${report.response.under}": response.${report.response.under}.<field>`);
  if (report.response.removed.length > 0) result.push(`the response no longer has ${report.response.removed.join(", ")}`);
  return result;
}

/** Type names of both operations, for the kinds both have; a merged body's type holds every variant. */
function typeRenames(before: OperationModel, after: OperationModel): Record<string, string> {
  const has = (operation: OperationModel, kind: OperationTypeKind) => typescriptView(operation, [kind]).length > 1;
  const kinds = (["Params", "Body", "Input", "Response", "Error"] as const).filter((kind) => has(before, kind) && has(after, kind));
  return Object.fromEntries(kinds.map((kind) => [operationTypeName(before, kind), operationTypeName(after, kind)]));
}

/** `pmm.nodes.addNode({ body: { generic: { node_name, … } } })`: the call's shape, values left out. */
function call(api: string, operation: OperationModel, fields: { location: InputLocation; field: string; under?: string }[]): string {
  const groups = new Map<string, string[]>();
  for (const { location, field, under } of fields) {
    const group = under !== undefined ? `${location}\u0000${under}` : location;
    groups.set(group, [...(groups.get(group) ?? []), field]);
  }
  const parts = [...groups].map(([group, names]) => {
    const [location, under] = group.split("\u0000");
    const shown = names.slice(0, SHOWN_FIELDS).join(", ") + (names.length > SHOWN_FIELDS ? ", …" : "");
    return under !== undefined ? `${location}: { ${under}: { ${shown} } }` : `${location}: { ${shown} }`;
  });
  return `${api}.${clientMethod(operation)}(${parts.length > 0 ? `{ ${parts.join(", ")} }` : ""})`;
}

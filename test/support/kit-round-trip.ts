import path from "node:path";
import { pathToFileURL } from "node:url";
import { type FakeModel, resolve, type Schema } from "../../generated/testing/model.js";
import { propertiesOf, type Route, routesOf, variantsOf } from "../../generated/testing/resources.js";
import { fill, typeOf } from "../../generated/testing/values.js";
import type { PlannedCall, RoundTripPlan } from "./kit-round-trip-runner.js";
import { GENERATED_DIR } from "./paths.js";

/** A version's fake-model.js, as the test kit ships it. */
export async function loadFakeModel(api: string, version: string): Promise<FakeModel> {
  return (await import(pathToFileURL(path.join(GENERATED_DIR, api, version, "fake-model.js")).href)).default;
}

/**
 * Round trips for the resources the kit derives from a version's spec: each one that can be
 * created, listed, updated and deleted, without path parameters above it, with an id field.
 * Bodies are the schemas' required members, with samples; type-keyed creates use their first key.
 */
export function planRoundTrips(model: FakeModel): RoundTripPlan[] {
  const routes = routesOf(model);
  const byResource = new Map<string, Route[]>();
  for (const route of routes) if (route.resource) byResource.set(route.resource.name, [...(byResource.get(route.resource.name) ?? []), route]);
  const plans: RoundTripPlan[] = [];
  for (const [name, list] of [...byResource].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = (action: string) => list.find((r) => r.action === action && r.scopeParameters.length === 0);
    const [create, lister, get, update, remove] = ["create", "list", "get", "update", "delete"].map(first);
    const idField = list[0]!.resource!.idField;
    if (!create || !lister || !update || !remove || !idField) continue;
    const plan: RoundTripPlan = {
      resource: name,
      idField,
      create: { operation: create.op.operation, ...bodyOf(model, create, idField) },
      list: { operation: lister.op.operation, ...bodyOf(model, lister, idField) },
      update: { ...planned(model, update, idField) },
      delete: planned(model, remove, idField),
    };
    if (get) plan.get = planned(model, get, idField);
    const changed = changeableField(model, update, get ?? lister, idField);
    if (changed) plan.changed = changed;
    plans.push(plan);
  }
  return plans;
}

function planned(model: FakeModel, route: Route, idField: string): PlannedCall {
  return {
    operation: route.op.operation,
    idIn: route.idParameter ? { path: route.idParameter } : { body: idField },
    ...bodyOf(model, route, idField),
  };
}

/** A request body with what the schema requires; a type-keyed one gets its first key. */
function bodyOf(model: FakeModel, route: Route, idField: string): { body?: Record<string, unknown> } {
  if (!route.op.body) return {};
  const variants = variantsOf(model, route.op.body);
  const input = variants.length > 0 ? { [variants[0]!]: {} } : {};
  const body = fill(model, route.op.body, input) as Record<string, unknown>;
  delete body[idField];
  return { body };
}

/** A string property the update's body may set and the read answer carries. */
function changeableField(model: FakeModel, update: Route, read: Route, idField: string): string | undefined {
  if (!update.op.body) return undefined;
  const readable = new Set<string>();
  const collect = (schema: Schema | undefined, depth = 0) => {
    if (!schema || depth > 3) return;
    const s = resolve(model, schema) ?? {};
    if (typeOf(s) === "array") return collect(s.items, depth + 1);
    for (const [name, property] of Object.entries(propertiesOf(model, s))) {
      readable.add(name);
      collect(property, depth + 1);
    }
  };
  collect(read.op.success[0]?.schema);
  return Object.entries(propertiesOf(model, update.op.body)).find(
    ([name, property]) => name !== idField && readable.has(name) && fill(model, property, undefined) === "" && !property.enum,
  )?.[0];
}

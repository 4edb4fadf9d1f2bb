// Imports nothing: the package-install test transpiles this file into a scratch project, where
// it drives the installed package's clients exactly as it drives generated/ here.

/** One client call: the method (`server.create`) and its arguments less the id, which the runner adds. */
export interface PlannedCall {
  operation: string;
  /** Where the object's id goes: a path parameter's name, or the body property of RPC calls. */
  idIn?: { path: string } | { body: string };
  path?: Record<string, string>;
  body?: Record<string, unknown>;
}

/** A create → list → get → update → delete round trip on one resource, as test/support/kit-round-trip.ts plans it. */
export interface RoundTripPlan {
  resource: string;
  idField: string;
  create: PlannedCall;
  list: PlannedCall;
  get?: PlannedCall;
  update: PlannedCall;
  /** A string property the update sets, which get (or list) must then read back. */
  changed?: string;
  delete: PlannedCall;
}

/** What the round trip saw, for the test to judge. */
export interface RoundTripReport {
  resource: string;
  id: unknown;
  listedAfterCreate: boolean;
  gotId: unknown;
  readBack: unknown;
  listedAfterDelete: boolean;
  /** The status of the get after the delete (404 expected; `null` without a get). */
  statusAfterDelete: number | null;
}

type AnyClient = Record<string, Record<string, (input?: any) => Promise<any>>>;

const CHANGED = "changed by the round trip";

/** Runs a plan against a client made with `validate: "strict"`, so every answer is checked against the spec. */
export async function runRoundTrip(client: AnyClient, plan: RoundTripPlan): Promise<RoundTripReport> {
  const call = (planned: PlannedCall, id?: unknown, extra?: Record<string, unknown>) => {
    const [namespace = "", method = ""] = planned.operation.split(".");
    const input: Record<string, unknown> = {};
    const path = { ...planned.path };
    const body = planned.body || extra || (planned.idIn && "body" in planned.idIn) ? { ...planned.body, ...extra } : undefined;
    if (planned.idIn && "path" in planned.idIn) path[planned.idIn.path] = String(id);
    if (planned.idIn && "body" in planned.idIn && body) body[planned.idIn.body] = id;
    if (Object.keys(path).length > 0) input.path = path;
    if (body) input.body = body;
    return client[namespace]![method]!(Object.keys(input).length > 0 ? input : undefined);
  };
  const ids = async () => entities(await call(plan.list)).map((entity) => entity[plan.idField]);
  const before = await ids();
  const created = await call(plan.create);
  const id = entities(created)[0]?.[plan.idField] ?? (await ids()).find((candidate) => !before.includes(candidate));
  const listedAfterCreate = (await ids()).includes(id);
  const read = async () => (plan.get ? entities(await call(plan.get, id))[0] : entities(await call(plan.list)).find((e) => e[plan.idField] === id));
  const gotId = (await read())?.[plan.idField];
  await call(plan.update, id, plan.changed ? { [plan.changed]: CHANGED } : undefined);
  const readBack = plan.changed ? (await read())?.[plan.changed] : CHANGED;
  await call(plan.delete, id);
  const listedAfterDelete = (await ids()).includes(id);
  let statusAfterDelete: number | null = null;
  if (plan.get)
    statusAfterDelete = await call(plan.get, id).then(
      () => 200,
      (error: { status?: number }) => error.status ?? -1,
    );
  return { resource: plan.resource, id, listedAfterCreate, gotId, readBack: readBack === CHANGED, listedAfterDelete, statusAfterDelete };
}

/** The objects an answer carries: itself, a list's items, or what its type keys (`generic`) hold. */
function entities(answer: unknown): Record<string, unknown>[] {
  if (Array.isArray(answer)) return answer.filter(isObject);
  if (!isObject(answer)) return [];
  const nested = Object.values(answer).flatMap((value) => (Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : []));
  return nested.some((e) => Object.keys(e).some((k) => k === "id" || k.endsWith("_id"))) ? nested : [answer];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

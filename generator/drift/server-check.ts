import { readFile } from "node:fs/promises";
import type { OperationEntry, OperationTable } from "../../templates/runtime/options.js";
import { UsageError } from "../errors.js";

/**
 * One operation as the check reads it from a generated entry's `operationTable`: what the client
 * calls, so the check needs no spec (the package's own `check-server` has none).
 */
export interface TableOperation {
  namespace: string;
  /** The method's name in its namespace. */
  method: string;
  entry: OperationEntry;
}

/** Every operation of a generated entry's table, in its order. */
export function tableOperations(table: OperationTable): TableOperation[] {
  return Object.entries(table).flatMap(([namespace, methods]) => Object.entries(methods).map(([method, entry]) => ({ namespace, method, entry })));
}

const clientMethod = (op: TableOperation) => `${op.namespace}.${op.method}`;

/** One read-only call to check: a method of the client and what it takes. */
export interface PlannedCall {
  operation: TableOperation;
  /** `namespace.method`. */
  name: string;
  input?: Record<string, unknown>;
}

/** How one call went: its answer agreed with the spec, disagreed (with every place), or could not be checked. */
export type CallOutcome =
  | { call: PlannedCall; kind: "agrees" }
  | { call: PlannedCall; kind: "disagrees"; status: number; problems: readonly { pointer: string; expected: string; received: string }[] }
  | { call: PlannedCall; kind: "unchecked"; reason: string };

/** An operation the check did not call, and why. */
export interface SkippedOperation {
  operation: TableOperation;
  name: string;
  reason: string;
}

/** Why a check does not call an operation unasked; undefined for one it calls (with no input). */
function skipReason({ entry }: TableOperation): string | undefined {
  if (entry.method !== "GET") return `a ${entry.method}: the check only reads`;
  if (entry.inputRequired) return "needs input: list it in --operations with its input";
  if (entry.parseAs) return "answers no JSON to check";
  return undefined;
}

/** Every GET operation whose input is optional (it is called with none) and that answers JSON: what a check may call unasked. */
export function defaultCalls(operations: readonly TableOperation[]): PlannedCall[] {
  return operations.filter((op) => skipReason(op) === undefined).map((op) => ({ operation: op, name: clientMethod(op) }));
}

/** Every operation that is not among `calls`, with the reason; `listed`: the calls came from --operations. */
export function skippedOperations(operations: readonly TableOperation[], calls: readonly PlannedCall[], listed: boolean): SkippedOperation[] {
  const called = new Set(calls.map((call) => call.operation));
  return operations
    .filter((op) => !called.has(op))
    .map((op) => ({ operation: op, name: clientMethod(op), reason: listed ? "not in --operations" : skipReason(op)! }));
}

/**
 * The calls a user lists in a JSON file: `["server.list", { "operation": "server.get",
 * "input": { "path": { "server_id": "1" } } }]`. Only GET operations: the check never writes.
 */
export async function listedCalls(operations: readonly TableOperation[], file: string): Promise<PlannedCall[]> {
  let entries: unknown;
  try {
    entries = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new UsageError(`--operations ${file} is not a readable JSON file: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) throw new UsageError(`--operations ${file} must hold a JSON array of method names or { "operation", "input" } objects.`);
  if (entries.length === 0) throw new UsageError(`--operations ${file} lists no method: there is nothing to check.`);
  const byName = new Map(operations.map((op) => [clientMethod(op), op]));
  return entries.map((entry, index) => {
    const { operation: name, input } =
      typeof entry === "string" ? { operation: entry, input: undefined } : ((entry ?? {}) as { operation?: unknown; input?: unknown });
    const operation = typeof name === "string" ? byName.get(name) : undefined;
    if (!operation)
      throw new UsageError(
        `--operations ${file}, entry ${index}: ${typeof name === "string" ? `no method ${JSON.stringify(name)} in this version` : 'name a method as "namespace.method"'}.`,
      );
    if (operation.entry.method !== "GET")
      throw new UsageError(
        `--operations ${file}, entry ${index}: ${name} is a ${operation.entry.method}; the check only reads, so it calls GET operations only.`,
      );
    if (input !== undefined && (input === null || typeof input !== "object" || Array.isArray(input)))
      throw new UsageError(`--operations ${file}, entry ${index}: "input" must be an object such as { "path": { … }, "query": { … } }.`);
    return { operation, name: name as string, ...(input ? { input: input as Record<string, unknown> } : {}) };
  });
}

/** The generated client's errors the check tells apart. */
export interface CheckErrors {
  ResponseValidationError: new (...args: never[]) => Error & { status: number; problems: readonly { pointer: string; expected: string; received: string }[] };
  ApiError: new (...args: never[]) => Error & { status: number; method: string; path: string };
  AuthenticationError: new (...args: never[]) => Error & { status: number; method: string; path: string };
  TlsError: new (...args: never[]) => Error & { code: string };
}

/** How the calls went; `stopped` when an error that every later call would meet too ended the run. */
export interface CheckRun {
  outcomes: CallOutcome[];
  stopped?: { reason: "credentials" | "tls"; error: Error; notCalled: PlannedCall[] };
}

/**
 * An error no later call could escape: rejected credentials (a 401, or PEM's failed login),
 * where going on would only retry them against the server's lockout, or a TLS failure. A 403
 * to a call is that call's: the user may lack the right to it alone, so the run goes on.
 */
function runEnding(error: unknown, errors: CheckErrors): "credentials" | "tls" | undefined {
  const login = error instanceof errors.AuthenticationError && error.method === "POST" && error.path.endsWith("/token/");
  if (login || (error instanceof errors.ApiError && error.status === 401)) return "credentials";
  return error instanceof errors.TlsError ? "tls" : undefined;
}

/**
 * Calls each planned method, one after the other, on a client created with `validate: "strict"`,
 * until an error that every later call would meet too (see runEnding).
 * `hasSchema` says whether the spec gives a method's answer a JSON schema: without one, an answer is not checked, so it cannot agree.
 */
export async function runCalls(
  client: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>,
  calls: PlannedCall[],
  errors: CheckErrors,
  hasSchema: (name: string) => boolean,
): Promise<CheckRun> {
  const outcomes: CallOutcome[] = [];
  for (const [index, call] of calls.entries()) {
    const method = client[call.operation.namespace]![call.operation.method]!;
    try {
      // A method whose input is optional is called with none, as a user would.
      await (call.input !== undefined ? method(call.input) : method());
      outcomes.push(
        hasSchema(call.name) ? { call, kind: "agrees" } : { call, kind: "unchecked", reason: "the spec gives its answer no JSON schema to check against" },
      );
    } catch (error) {
      const ending = runEnding(error, errors);
      if (ending) return { outcomes, stopped: { reason: ending, error: error as Error, notCalled: calls.slice(index) } };
      if (error instanceof errors.ResponseValidationError) outcomes.push({ call, kind: "disagrees", status: error.status, problems: error.problems });
      else if (error instanceof errors.ApiError) outcomes.push({ call, kind: "unchecked", reason: `the server answered HTTP ${error.status}` });
      else outcomes.push({ call, kind: "unchecked", reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { outcomes };
}

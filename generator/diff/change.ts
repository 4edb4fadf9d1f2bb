import type { OperationModel } from "../normalize/build-model.js";
import { operationTypeName, type OperationTypeKind } from "../normalize/public-names.js";
import type { ApiDiff } from "./api-diff.js";

export type Level = "breaking" | "warning" | "info";
export const LEVELS: readonly Level[] = ["breaking", "warning", "info"];

/** One judged difference between two API versions. */
export interface Change {
  /** The check that found it (a file in generator/diff/checks/). */
  check: string;
  level: Level;
  /** `GET /server/{server_id}`, in the new version's spelling where it exists. */
  operation?: string;
  message: string;
  /** What user code touches: the client method and the generated types involved. */
  typescript: string[];
  /**
   * Whether code written against the old client (its calls, and its reads of what they return)
   * still type-checks against the new one. Absent where no such code is involved (servers,
   * base path) or where it depends on how the value is used.
   */
  compiles?: boolean;
}

/** A rule over the structural diff; one per file in checks/. */
export interface Check {
  id: string;
  run(diff: ApiDiff): Change[];
}

export function operationLabel(operation: OperationModel): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/** The client method and those of the requested generated types that the operation has. */
export function typescriptView(operation: OperationModel, kinds: OperationTypeKind[]): string[] {
  const hasParams = Object.keys(operation.parameters).length > 0;
  const exists: Record<OperationTypeKind, boolean> = {
    Params: hasParams,
    Body: operation.requestBody !== undefined,
    Input: hasParams || operation.requestBody !== undefined,
    Response: true,
    Error: true,
  };
  return [`${operation.namespace}.${operation.name}()`, ...kinds.filter((k) => exists[k]).map((k) => operationTypeName(operation, k))];
}

export function operationChange(check: string, level: Level, operation: OperationModel, message: string, kinds: OperationTypeKind[], compiles?: boolean): Change {
  const change: Change = { check, level, operation: operationLabel(operation), message, typescript: typescriptView(operation, kinds) };
  if (compiles !== undefined) change.compiles = compiles;
  return change;
}

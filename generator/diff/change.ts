import type { OperationModel } from "../normalize/build-model.js";
import { type OperationTypeKind, operationTypeName } from "../normalize/public-names.js";
import type { ApiDiff } from "./api-diff.js";
import type { Pointers } from "./pointers.js";

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
  /**
   * What changed, in each document where it exists (none for a setting, such as the auth kind):
   * into the models' OpenAPI 3 documents as checks report them; the diff CLI maps them into the
   * spec files as given (pointIntoSources).
   */
  pointers: Pointers;
}

/** A change as a check finds it: defineCheck adds the check's id. */
export type Finding = Omit<Change, "check">;

/** A rule over the structural diff; one per file in checks/. */
export interface Check {
  id: string;
  /** What it compares and why each level: `npm run diff -- --list-checks` prints it. */
  description: string;
  /** The levels it can report. */
  levels: readonly Level[];
  run(diff: ApiDiff): Change[];
}

/**
 * A check, its id written once: its findings become changes under that id. They are held to its
 * definition: a level it does not list (so its description does not justify it) is a bug in the
 * check, not a finding.
 */
export function defineCheck({ run, ...definition }: Omit<Check, "run"> & { run(diff: ApiDiff): Finding[] }): Check {
  return {
    ...definition,
    run: (diff) =>
      run(diff).map((finding) => {
        if (!definition.levels.includes(finding.level))
          throw new Error(`check ${definition.id} reported a ${finding.level} change, outside its definition: ${finding.message}`);
        return { check: definition.id, ...finding };
      }),
  };
}

export function operationLabel(operation: OperationModel): string {
  return `${operation.httpMethod.toUpperCase()} ${operation.path}`;
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

export function operationChange(
  level: Level,
  operation: OperationModel,
  message: string,
  kinds: OperationTypeKind[],
  pointers: Pointers,
  compiles?: boolean,
): Finding {
  return {
    level,
    operation: operationLabel(operation),
    message,
    typescript: typescriptView(operation, kinds),
    ...(compiles !== undefined ? { compiles } : {}),
    pointers,
  };
}

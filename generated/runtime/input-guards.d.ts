import { type Input } from "./call-arguments.js";
import type { OperationEntry } from "./options.js";
/** Every `{name}` of a path template, in order. */
export declare function pathParameterNames(template: string): string[];
/**
 * Checks a generated method's input against its operation: its parts, every path value, and
 * the query and header parameters and body the operation requires.
 *
 * @throws {TypeError} an input that is not an object of path, query, header and body; a path
 * value that is missing, empty or a dot segment; a required parameter or body that is missing.
 */
export declare function checkInput(method: string, entry: OperationEntry, pathNames: readonly string[], input: Input): void;
/**
 * Checks the values a call puts into its path template. `label` names the call in the error
 * (`nodes.getNode`, or `GET /v1/inventory/nodes/{node_id}` for openapi-fetch's calls).
 *
 * @throws {TypeError} a value that is missing, empty, not a string or number, or a dot segment.
 */
export declare function checkPathValues(label: string, pathNames: readonly string[], values: unknown): void;

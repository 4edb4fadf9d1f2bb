import { camelCase, pascalCase } from "./identifiers.js";
import type { NamingStrategy } from "../load/api-config.js";

/**
 * Naming rules for generated methods (documented in README.md, "Naming rules").
 * A name is a function of one operation (method, path, tag, operationId), so the same
 * endpoint gets the same name in every version of an API. The one exception is a collision:
 * an operation whose name leaves out an id parameter yields to one that leaves out nothing.
 */

export interface NamingInput {
  method: string;
  path: string;
  operationId?: string;
  tag?: string;
}

export interface OperationName {
  namespace: string;
  method: string;
}

const VERBS: Record<string, { item: string; collection: string }> = {
  get: { item: "get", collection: "list" },
  post: { item: "create", collection: "create" },
  put: { item: "update", collection: "update" },
  patch: { item: "patch", collection: "patch" },
  delete: { item: "delete", collection: "delete" },
  head: { item: "head", collection: "head" },
  options: { item: "options", collection: "options" },
  trace: { item: "trace", collection: "trace" },
};

/** Client members that a namespace must not shadow. */
const RESERVED_NAMESPACES = new Set(["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "request", "use", "eject", "logout", "then", "constructor", "prototype", "toString", "valueOf"]);
/** Method names that would make a namespace object behave oddly (thenable, prototype clash). */
const RESERVED_METHODS = new Set(["then", "constructor", "prototype", "toString", "valueOf", "__proto__"]);

interface Segment {
  text: string;
  isParameter: boolean;
}

function segments(path: string): Segment[] {
  return path
    .split("/")
    .flatMap((part) => part.split(":")) // `:verb` custom methods (`/v1/actions:cancelAction`) are words too
    .filter((part) => part !== "" && !/^v\d+$/.test(part))
    .map((part) => {
      const parameter = /^\{(.+)\}$/.exec(part);
      return { text: parameter ? parameter[1]! : part, isParameter: parameter !== null };
    });
}

/**
 * Path rule: the first static segment is the namespace; the verb comes from the HTTP
 * method (GET on a path ending in a parameter is `get`, otherwise `list`); the remaining
 * static segments follow as words. A parameter directly after a static segment is that
 * resource's id and adds nothing; any other parameter adds `By<Name>`.
 * `explicit` spells every parameter as `By<Name>`; it is used only to separate collisions.
 */
export function pathName(method: string, path: string, explicit = false): OperationName {
  const parts = segments(path);
  const first = parts.findIndex((s) => !s.isParameter);
  const namespace = first >= 0 ? camelCase(parts[first]!.text) : "root";
  const rest = parts.slice(first + 1);
  const last = rest.at(-1) ?? parts.at(-1);
  const verbs = VERBS[method.toLowerCase()] ?? { item: method.toLowerCase(), collection: method.toLowerCase() };
  const verb = last?.isParameter ? verbs.item : verbs.collection;
  const nouns = rest.map((segment, index) => {
    if (!segment.isParameter) return pascalCase(segment.text);
    const previous = index === 0 ? parts[first] : rest[index - 1];
    return !explicit && previous && !previous.isParameter ? "" : `By${pascalCase(segment.text)}`;
  });
  return { namespace, method: verb + nouns.join("") };
}

/**
 * operationId rule: the tag without its `Service` suffix is the namespace (the path's when
 * that leaves nothing, as PMM 2's bare `Service` tag does); the operationId without `Mixin<N>`
 * is the method.
 */
export function operationIdName(operationId: string, tag: string | undefined, path: string): OperationName {
  const namespace = (tag && camelCase(tag.replace(/Service$/, ""))) || pathName("get", path).namespace;
  return { namespace, method: camelCase(operationId.replace(/Mixin\d*$/, "")) };
}

/**
 * Names every operation of one API version. Operations whose names collide within a
 * namespace fall back to the explicit path form, which differs for different paths; an
 * operation whose name left nothing out has that form already, so it keeps its name.
 */
export function assignNames(operations: readonly NamingInput[], strategy: NamingStrategy): OperationName[] {
  const first = operations.map((op) =>
    strategy === "operationId" && op.operationId ? operationIdName(op.operationId, op.tag, op.path) : pathName(op.method, op.path),
  );
  const counts = new Map<string, number>();
  for (const name of first) counts.set(key(name), (counts.get(key(name)) ?? 0) + 1);
  return first.map((name, index) => {
    const op = operations[index]!;
    let result = name;
    if (counts.get(key(name))! > 1) {
      const explicit = pathName(op.method, op.path, true);
      const suffix = strategy === "operationId" ? `${pascalCase(explicit.namespace)}${pascalCase(explicit.method)}` : "";
      result = { namespace: name.namespace, method: suffix ? `${name.method}${suffix}` : explicit.method };
    }
    return {
      namespace: RESERVED_NAMESPACES.has(result.namespace) ? `${result.namespace}Api` : result.namespace,
      method: RESERVED_METHODS.has(result.method) ? `${result.method}Operation` : result.method,
    };
  });
}

const key = (name: OperationName) => `${name.namespace}.${name.method}`;

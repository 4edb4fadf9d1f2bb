import type { NamingStrategy } from "../load/api-config.js";
import { camelCase, pascalCase } from "./identifiers.js";
import { shadowsExport } from "./public-names.js";

/*
 * Naming rules for generated methods (documented in README.md, "Naming rules").
 * A name is a function of one operation (method, path, tag, operationId), so the same
 * endpoint gets the same name in every version of an API. The one exception is a collision:
 * an operation whose name leaves out an id parameter yields to one that leaves out nothing.
 */

export interface NamingInput {
  httpMethod: string;
  path: string;
  operationId?: string;
  tag?: string;
}

export interface OperationName {
  namespace: string;
  name: string;
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

/** Names every object has from `Object.prototype`, and `then`, which would make an object thenable. */
const OBJECT_MEMBERS = [
  "then",
  "constructor",
  "prototype",
  "__proto__",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
];
/**
 * Members of every client (templates/runtime/client.ts: `logout`, `close`), which a namespace of
 * that name would replace, and the names of openapi-fetch's calls (and TRACE): the client held
 * them until they moved to `pathClient(client)`, and names already shipped must not change.
 */
export const CLIENT_MEMBERS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "request", "use", "eject", "logout", "close"];
/** A namespace named so gets `Api` appended: it would replace a client member, or its type would shadow an export. */
const RESERVED_NAMESPACES = new Set([...CLIENT_MEMBERS, ...OBJECT_MEMBERS]);
/** A method named so gets `Operation` appended. */
const RESERVED_METHODS = new Set(OBJECT_MEMBERS);

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
 * Words that name an action rather than a resource. A write to a path with one of them
 * (`POST /profiles/{id}/clone`) is named by that action (`clone`), not by the HTTP method.
 */
const ACTIONS = new Set(["clone", "copy", "export", "import", "publish", "rollback"]);

/** Words that end like plurals and are not. */
const INVARIANT = new Set(["news", "series", "species", "status", "alias", "analysis", "canvas", "bus", "gas", "process", "access", "address", "class"]);

/**
 * A namespace names one kind of resource: `/profiles/` and `/profile/export/` share `profile`.
 * A plain English plural rule (`policies` → `policy`, `indexes` → `index`, `nodes` → `node`).
 */
function singular(segment: string): string {
  if (INVARIANT.has(segment.toLowerCase())) return segment;
  if (/[^aeiou]ies$/i.test(segment)) return `${segment.slice(0, -3)}y`;
  if (/(x|ch|sh|ss|z)es$/i.test(segment)) return segment.slice(0, -2);
  return /[^siua]s$/i.test(segment) ? segment.slice(0, -1) : segment;
}

/** The namespace a path would get without the singular: `/profiles/…` → `profiles`. */
function pluralNamespace(path: string): string | undefined {
  const segment = segments(path).find((s) => !s.isParameter)?.text;
  return segment && singular(segment) !== segment ? camelCase(segment) : undefined;
}

/**
 * Path rule: the first static segment, in the singular, is the namespace; the verb comes from
 * the HTTP method (GET on a path ending in a parameter is `get`, otherwise `list`), or from an
 * action word among the segments of a write; the remaining static segments follow as words.
 * A parameter directly after a static segment is that resource's id and adds nothing; any
 * other parameter adds `By<Name>`. `explicit` spells every parameter as `By<Name>`.
 */
export function pathName(method: string, path: string, explicit = false): OperationName {
  const parts = segments(path);
  const first = parts.findIndex((s) => !s.isParameter);
  const namespace = first >= 0 ? camelCase(singular(parts[first]!.text)) : "root";
  const rest = parts.slice(first + 1);
  const last = rest.at(-1) ?? parts.at(-1);
  const verbs = VERBS[method.toLowerCase()] ?? { item: method.toLowerCase(), collection: method.toLowerCase() };
  const action = method.toLowerCase() === "get" ? undefined : rest.find((s) => !s.isParameter && ACTIONS.has(s.text.toLowerCase()));
  const verb = action ? action.text.toLowerCase() : last?.isParameter ? verbs.item : verbs.collection;
  const nouns = rest.map((segment, index) => {
    if (segment === action) return "";
    if (!segment.isParameter) return pascalCase(segment.text);
    const previous = index === 0 ? parts[first] : rest[index - 1];
    return !explicit && previous && !previous.isParameter ? "" : `By${pascalCase(segment.text)}`;
  });
  return { namespace, name: verb + nouns.join("") };
}

/** The path parameters that a path-rule name leaves out: ids right after a static segment. */
function elidedParameters(path: string): string[] {
  const parts = segments(path);
  const first = parts.findIndex((s) => !s.isParameter);
  return parts.filter((segment, index) => segment.isParameter && index > first && !parts[index - 1]!.isParameter).map((s) => s.text);
}

/** The ids `path` leaves out of its name that not every colliding path leaves out too. */
function distinguishingParameters(path: string, colliding: string[]): string[] {
  const shared = colliding.map(elidedParameters).reduce((common, names) => common.filter((n) => names.includes(n)));
  return elidedParameters(path).filter((n) => !shared.includes(n));
}

/**
 * operationId rule: the tag without its `Service` suffix is the namespace (the path's when
 * that leaves nothing, as PMM 2's bare `Service` tag does); the operationId without `Mixin<N>`
 * is the method.
 */
export function operationIdName(operationId: string, tag: string | undefined, path: string): OperationName {
  const namespace = (tag && camelCase(tag.replace(/Service$/, ""))) || pathName("get", path).namespace;
  return { namespace, name: camelCase(operationId.replace(/Mixin\d*$/, "")) };
}

/**
 * Names every operation of one API version. When names collide within a namespace, each
 * path-rule name adds `By<Name>` for the ids it left out that the others did not all leave
 * out too (`listData` → `listDataByProbeId` beside `listDataByInternalName`); one that left
 * nothing out keeps its name. An operationId-rule name adds its explicit path name.
 */
export function assignNames(operations: readonly NamingInput[], strategy: NamingStrategy): OperationName[] {
  const first = operations.map((op) => {
    const byId = strategy === "operationId" && op.operationId ? operationIdName(op.operationId, op.tag, op.path) : undefined;
    const byPath = pathName(op.httpMethod, op.path);
    // An operationId of punctuation alone (`!!!`) names nothing: the path names the method.
    return byId ? { namespace: byId.namespace, name: byId.name || byPath.name } : byPath;
  });
  const collisions = new Map<string, number[]>();
  for (const [index, name] of first.entries()) collisions.set(key(name), [...(collisions.get(key(name)) ?? []), index]);
  const collided = first.map((name, index) => {
    const op = operations[index]!;
    const group = collisions.get(key(name))!;
    if (group.length === 1) return name;
    const explicit = pathName(op.httpMethod, op.path, true);
    if (strategy === "operationId" && op.operationId)
      return { namespace: name.namespace, name: `${name.name}${pascalCase(explicit.namespace)}${pascalCase(explicit.name)}` };
    const suffix = distinguishingParameters(
      op.path,
      group.map((i) => operations[i]!.path),
    )
      .map((p) => `By${pascalCase(p)}`)
      .join("");
    // `/profile/` beside `/profiles/`: the plural keeps its own namespace.
    const plural = suffix ? undefined : pluralNamespace(op.path);
    return plural ? { namespace: plural, name: name.name } : { namespace: name.namespace, name: `${name.name}${suffix}` };
  });
  const namespaces = unreserved(
    collided.map((n) => n.namespace),
    (namespace) => RESERVED_NAMESPACES.has(namespace) || shadowsExport(namespace),
    "Api",
  );
  const methods = new Map<string, Map<string, string>>();
  for (const namespace of new Set(collided.map((n) => n.namespace))) {
    const inNamespace = collided.filter((n) => n.namespace === namespace).map((n) => n.name);
    methods.set(
      namespace,
      unreserved(inNamespace, (method) => RESERVED_METHODS.has(method), "Operation"),
    );
  }
  return collided.map((name) => ({ namespace: namespaces.get(name.namespace)!, name: methods.get(name.namespace)!.get(name.name)! }));
}

/**
 * Renames each reserved name by appending `suffix` until it is neither reserved nor taken by
 * another name (tags `use` and `useApi` → `useApiApi` and `useApi`), so no two names merge.
 */
function unreserved(names: readonly string[], isReserved: (name: string) => boolean, suffix: string): Map<string, string> {
  const unique = [...new Set(names)].sort();
  const taken = new Set(unique.filter((name) => !isReserved(name)));
  const renamed = new Map(unique.map((name) => [name, name]));
  for (const name of unique.filter(isReserved)) {
    let candidate = `${name}${suffix}`;
    while (taken.has(candidate) || isReserved(candidate)) candidate += suffix;
    taken.add(candidate);
    renamed.set(name, candidate);
  }
  return renamed;
}

const key = (name: OperationName) => `${name.namespace}.${name.name}`;

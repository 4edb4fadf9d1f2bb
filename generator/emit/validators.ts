import type { OpenAPIV3 } from "openapi-types";
import { type ApiModel, isJson } from "../normalize/build-model.js";
import { resolveRef } from "../normalize/resolve-ref.js";
import { isNullable, schemaTypes } from "../normalize/schema-shape.js";
import { generatedHeader } from "./generated-header.js";
import { escapeComment } from "./tsdoc.js";

// biome-ignore lint/suspicious/noExplicitAny: a schema is walked by keyword, whatever the document put there; every value is checked before use.
type Schema = Record<string, any>;

/**
 * Emits one version's `validators.js`: plain JavaScript that checks a JSON body against the
 * schema the types in `schema.d.ts` come from (the same normalized document), so that a body
 * it accepts is one the types describe. It checks what the types promise (JSON types, integers,
 * nullability, enums, required and forbidden properties, allOf/oneOf/anyOf) and not what they
 * do not (formats, lengths, patterns, ranges). Every `$ref` target becomes one named function,
 * so recursive schemas need nothing special. The runtime imports the module on the first
 * validated call.
 */
export function emitValidators(model: ApiModel, origin: string): string {
  const emitter = new ValidatorEmitter(model.document as Schema);
  const responses: string[] = [];
  const requests: string[] = [];
  for (const op of model.operations) {
    const key = JSON.stringify(`${op.namespace}.${op.name}`);
    const operation = (model.document.paths?.[op.path] as Record<string, OpenAPIV3.OperationObject> | undefined)?.[op.httpMethod];
    const byStatus: string[] = [];
    for (const media of op.success) {
      if (!media.contentType || !isJson(media.contentType)) continue;
      const response = resolveRef<OpenAPIV3.ResponseObject>(model.document, operation?.responses?.[media.status]);
      const schema = response?.content?.[media.contentType]?.schema;
      if (schema) byStatus.push(`${JSON.stringify(media.status)}: ${emitter.entry(schema)}`);
    }
    if (byStatus.length > 0) responses.push(`  ${key}: { ${byStatus.join(", ")} },`);
    if (op.requestBody && !op.requestBody.form && isJson(op.requestBody.contentType)) {
      const body = resolveRef<OpenAPIV3.RequestBodyObject>(model.document, operation?.requestBody);
      const schema = body?.content?.[op.requestBody.contentType]?.schema;
      if (schema) requests.push(`  ${key}: ${emitter.entry(schema)},`);
    }
  }
  return [
    generatedHeader(origin),
    "// Checks JSON bodies against the spec; each check pushes { pointer, place, expected, received } for every disagreement.",
    RUNTIME_HELPERS,
    ...emitter.hoisted,
    "/** operation → success status → check of that answer's body. */",
    `export const responses = {\n${responses.join("\n")}\n};`,
    "/** operation → check of its JSON request body. */",
    `export const requests = {\n${requests.join("\n")}\n};`,
    "",
  ].join("\n");
}

/** Helpers every validators.js starts with; `hasOwn`, never `in`, so `__proto__` and `constructor` are plain names. */
const RUNTIME_HELPERS = `const hasOwn = Object.hasOwn;
const kind = (v) => (v === undefined ? "nothing" : v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
/**
 * The keys from the body down to the value being checked. Pointers are made from it only
 * when something disagrees, so a body that follows the spec costs no string building.
 */
const path = [];
/** A map member's key in \`path\`, as opposed to a property's name (a string) and an array position (a number). */
const member = (key) => ({ member: key });
const token = (key) => String(typeof key === "object" ? key.member : key).replaceAll("~", "~0").replaceAll("/", "~1");
const keys = (key) => (key === undefined ? path : [...path, key]);
/** The pointer to the current value, or to its member \`key\`. */
const at = (key) => keys(key).map((k) => \`/\${token(k)}\`).join("");
/** The same pointer with every array position as \`-\` and every map member as \`*\`: what "warn" reports once. */
const place = (key) => keys(key).map((k) => (typeof k === "number" ? "/-" : typeof k === "object" ? "/*" : \`/\${token(k)}\`)).join("");
const problem = (key, expected, received) => ({ pointer: at(key), place: place(key), expected, received });
const fail = (e, key, expected, v) => void e.push(problem(key, expected, kind(v)));
const missing = (e, name) => void e.push(problem(name, "required", "nothing"));
/**
 * A value outside an enum is named: it is what an operator needs to see. The runtime cuts it
 * to 64 characters once the client's secrets are out of it (a cut inside an escape would hide
 * a secret from the redaction), so it is bounded here only against a flood.
 */
const notIn = (e, key, expected, v) => {
  const json = JSON.stringify(v) ?? kind(v);
  e.push(problem(key, expected, json.length > 4096 ? \`\${json.slice(0, 4093)}...\` : json));
};
/** The check of a schema that allows any value: its status still promises a body, which the runtime sees to. */
const anything = () => {};
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/**
 * A union, as the types read oneOf and anyOf: one alternative must fit. Else the problems of
 * the closest one whose type and enum the value matched (its problems are inside the value),
 * or, when none did, one problem naming every alternative: \`boolean or one of "s", "b"\`.
 */
const anyOf = (v, key, e, alternatives) => {
  if (key !== undefined) path.push(key);
  let fits = false;
  let here;
  let closest;
  const expected = [];
  let received = kind(v);
  for (const check of alternatives) {
    const problems = [];
    check(v, problems);
    if (problems.length === 0) {
      fits = true;
      break;
    }
    here ??= at();
    const top = problems.find((p) => p.pointer === here);
    if (top) {
      if (!expected.includes(top.expected)) expected.push(top.expected);
      // An enum's problem names the value, which says more than its type.
      if (top.received !== kind(v)) received = top.received;
    } else if (!closest || problems.length < closest.length) closest = problems;
  }
  if (!fits) e.push(...(closest ?? [problem(undefined, expected.join(" or "), received)]));
  if (key !== undefined) path.pop();
};
`;

class ValidatorEmitter {
  /** Module-level declarations: enum sets, one function per `$ref` target, union alternatives. */
  readonly hoisted: string[] = [];
  private readonly refFunctions = new Map<string, string>();
  /** `$ref` targets that allow any value: their calls are left out. */
  private readonly emptyRefs = new Set<string>();
  /** Inline schemas that read the same share one function: PMM repeats many. */
  private readonly inlineFunctions = new Map<string, string>();
  private readonly enums = new Map<string, string>();
  /** `$ref` targets being copied for an allOf (allOfPart). */
  private readonly inlined = new Set<string>();
  /** Numbers module-level names. */
  private counter = 0;
  /** Numbers variables within one function, so that equal schemas give equal code. */
  private local = 0;

  constructor(private readonly document: Schema) {}

  /** An expression for `(body, problems) => …` checking a body against `schema`. */
  entry(schema: Schema): string {
    const name = this.functionFor(schema);
    // A check cut short by a too-deep body leaves keys behind: each check starts from none.
    return name ? `(v, e) => { path.length = 0; ${name}(v, e); }` : "anything";
  }

  /**
   * The name of a module-level `(v, e)` function checking `schema`. `declared`: property names
   * that the allOf around it declares, which its additionalProperties must therefore let through.
   * Undefined when the schema allows any value: there is nothing to call.
   */
  private functionFor(schema: Schema, declared: readonly string[] = []): string | undefined {
    if (typeof schema.$ref === "string") return this.refFunction(schema.$ref);
    const body = this.functionBody(schema, declared);
    if (body === "") return undefined;
    let name = this.inlineFunctions.get(body);
    if (!name) {
      name = `c${this.counter++}`;
      this.inlineFunctions.set(body, name);
      this.hoisted.push(`function ${name}(v, e) {\n${body}\n}`);
    }
    return name;
  }

  /** The function of a `$ref` target; undefined, once built, for a target that allows any value. */
  private refFunction(ref: string): string | undefined {
    let name = this.refFunctions.get(ref);
    if (!name) {
      name = `r${this.refFunctions.size}`;
      // Named before its body is built, so that a recursive schema can call it.
      this.refFunctions.set(ref, name);
      const target = resolveRef<Schema>(this.document, { $ref: ref }) ?? {};
      const body = this.functionBody(target);
      // The name may already be called (by a union that was then dropped, say): it stays defined.
      if (body === "") this.emptyRefs.add(ref);
      this.hoisted.push(`/** ${escapeComment(ref)} */\n${body === "" ? `const ${name} = anything;` : `function ${name}(v, e) {\n${body}\n}`}`);
    }
    return this.emptyRefs.has(ref) ? undefined : name;
  }

  private functionBody(schema: Schema, declared: readonly string[] = []): string {
    const outer = this.local;
    this.local = 0;
    const body = this.statements(schema, "v", undefined, "  ", true, declared).join("\n");
    this.local = outer;
    return body;
  }

  /**
   * Statements checking the value in variable `v`, which is the current value's member `key`
   * (an expression), or the current value itself when `key` is undefined. Below a function's
   * top, objects, arrays and unions get functions of their own, shared by equal schemas.
   */
  private statements(schema: Schema, v: string, key: string | undefined, indent: string, top = false, declared: readonly string[] = []): string[] {
    // A boolean schema (OpenAPI 3.1) or a malformed one promises nothing the types express.
    if (!schema || typeof schema !== "object" || Array.isArray(schema)) return [];
    if (typeof schema.$ref === "string") return descend(indent, this.refFunction(schema.$ref), v, key);
    if (!top && isComposite(schema)) return descend(indent, this.functionFor(schema, declared), v, key);
    const p = key ?? "undefined";
    const types = schemaTypes(schema);
    const nullable = isNullable(schema);
    // A nullable schema's checks all apply to the value only when it is not null, as in `(A | B) | null`.
    const inner = nullable ? `${indent}  ` : indent;
    const checks: string[] = [];
    // The types read allOf as `A & B`: a property one part declares is no extra property of another.
    const inAllOf = Array.isArray(schema.allOf) ? [...new Set([...declared, ...this.declaredNames(schema, new Set())])] : declared;
    for (const part of schema.allOf ?? []) checks.push(...this.allOfPart(part, v, key, inner, inAllOf));
    const alternatives = schema.oneOf ?? schema.anyOf;
    // An alternative that allows any value makes the union allow any value; an evidently empty one is looked for first, so that no other alternative's function is built for nothing.
    const checksOf = Array.isArray(alternatives) && !alternatives.some(readsNothing) ? alternatives.map((alt: Schema) => this.functionFor(alt)) : [];
    if (checksOf.length > 0 && checksOf.every(Boolean)) checks.push(`${inner}anyOf(${v}, ${p}, e, [${checksOf.join(", ")}]);`);
    checks.push(...this.ownChecks(schema, types, v, p, inner, inAllOf));
    return nullable && checks.length > 0 ? [`${indent}if (${v} !== null) {`, ...checks, `${indent}}`] : checks;
  }

  /**
   * The checks of the schema itself: enum, or type and then its members. `p` is the key
   * expression of statements(); members are checked only at a function's top, where it is "undefined".
   */
  private ownChecks(schema: Schema, types: string[] | undefined, v: string, p: string, indent: string, declared: readonly string[]): string[] {
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return this.enumCheck(schema.enum, v, p, indent);
    if (Object.hasOwn(schema, "const")) return this.enumCheck([schema.const], v, p, indent);
    if (!types) return [];
    const concrete = types.filter((t) => t !== "null");
    if (concrete.length === 0) return [`${indent}fail(e, ${p}, "null", ${v});`];
    const test = concrete.length === 1 ? negated(typeTest(concrete[0]!, v)) : `!(${concrete.map((t) => typeTest(t, v)).join(" || ")})`;
    const out = [`${indent}if (${test}) fail(e, ${p}, ${JSON.stringify(concrete.join(" or "))}, ${v});`];
    const members: string[] = [];
    if (concrete.includes("array") && schema.items) members.push(...this.arrayChecks(schema.items, v, `${indent}  `));
    if (concrete.includes("object")) members.push(...this.objectChecks(schema, v, `${indent}  `, declared));
    if (members.length > 0) {
      const guard = concrete.length === 1 ? "else" : `else if (${typeTest(concrete.includes("array") ? "array" : "object", v)})`;
      out.push(`${indent}${guard} {`, ...members, `${indent}}`);
    }
    return out;
  }

  private enumCheck(values: unknown[], v: string, p: string, indent: string): string[] {
    const primitive = values.every((value) => value === null || typeof value !== "object");
    const items = values.map((value) => JSON.stringify(primitive ? value : JSON.stringify(value))).join(", ");
    let name = this.enums.get(items);
    if (!name) {
      name = `enum${this.counter++}`;
      this.enums.set(items, name);
      this.hoisted.push(`const ${name} = new Set([${items}]);`);
    }
    const expected = JSON.stringify(`one of ${values.map((value) => JSON.stringify(value)).join(", ")}`);
    const test = primitive ? `${name}.has(${v})` : `${name}.has(JSON.stringify(${v}))`;
    return [`${indent}if (!${test}) notIn(e, ${p}, ${expected}, ${v});`];
  }

  /**
   * The check of one allOf part. A `$ref` part that limits additional properties is checked
   * through a copy of its target that knows the allOf's names (the shared function does not);
   * `inlined` stops a target that lists itself in its own allOf.
   */
  private allOfPart(part: Schema, v: string, key: string | undefined, indent: string, declared: readonly string[]): string[] {
    if (typeof part?.$ref !== "string" || declared.length === 0 || this.inlined.has(part.$ref)) return this.statements(part, v, key, indent, false, declared);
    const target = resolveRef<Schema>(this.document, part);
    const limited = target && target.additionalProperties !== undefined && target.additionalProperties !== true;
    if (!limited || declared.every((name) => Object.hasOwn(target.properties ?? {}, name))) return this.statements(part, v, key, indent);
    this.inlined.add(part.$ref);
    try {
      return descend(indent, this.functionFor(target, declared), v, key);
    } finally {
      this.inlined.delete(part.$ref);
    }
  }

  /** The property names a schema declares, its allOf parts' (`$ref`s followed once) included. */
  private declaredNames(schema: Schema, seen: Set<string>): string[] {
    if (!schema || typeof schema !== "object") return [];
    if (typeof schema.$ref === "string") {
      if (seen.has(schema.$ref)) return [];
      seen.add(schema.$ref);
      return this.declaredNames(resolveRef<Schema>(this.document, schema) ?? {}, seen);
    }
    const own = schema.properties && typeof schema.properties === "object" ? Object.keys(schema.properties) : [];
    return [...own, ...(Array.isArray(schema.allOf) ? schema.allOf.flatMap((part: Schema) => this.declaredNames(part, seen)) : [])];
  }

  private arrayChecks(items: Schema, v: string, indent: string): string[] {
    const i = `i${this.local++}`;
    const x = `x${this.local++}`;
    const item = this.statements(items, x, i, `${indent}  `);
    if (item.length === 0) return [];
    return block(indent, `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`, [`${indent}  const ${x} = ${v}[${i}];`, ...item]);
  }

  private objectChecks(schema: Schema, v: string, indent: string, declared: readonly string[]): string[] {
    const out: string[] = [];
    const properties: Record<string, Schema> = schema.properties ?? {};
    for (const name of Array.isArray(schema.required) ? schema.required : []) {
      if (typeof name !== "string") continue;
      out.push(`${indent}if (!(${present(v, name)})) missing(e, ${JSON.stringify(name)});`);
    }
    for (const [name, property] of Object.entries(properties)) {
      const x = `x${this.local++}`;
      const check = this.statements(property, x, JSON.stringify(name), `${indent}  `);
      if (check.length === 0) continue;
      const key = JSON.stringify(name);
      out.push(...block(indent, `if (${present(v, name)}) {`, [`${indent}  const ${x} = ${v}[${key}];`, ...check]));
    }
    const extra = schema.additionalProperties;
    if (extra === false || (extra && typeof extra === "object" && Object.keys(extra).length > 0)) {
      const k = `k${this.local++}`;
      const known = [...new Set([...Object.keys(properties), ...declared])];
      const x = `x${this.local++}`;
      const inner = known.length > 0 ? `${indent}    ` : `${indent}  `;
      const check =
        extra === false
          ? [`${inner}fail(e, member(${k}), "no such property", ${v}[${k}]);`]
          : [`${inner}const ${x} = ${v}[${k}];`, ...this.statements(extra, x, `member(${k})`, inner)];
      const undeclared =
        known.length > 0 ? [`${indent}  if (!(${known.map((name) => `${k} === ${JSON.stringify(name)}`).join(" || ")})) {`, ...check, `${indent}  }`] : check;
      out.push(`${indent}for (const ${k} of Object.keys(${v})) {`, ...undeclared, `${indent}}`);
    }
    return out;
  }
}

/**
 * `head {` + `lines` + `}`, on one line when they are one statement (most property checks
 * are), which keeps the module about half as long.
 */
function block(indent: string, head: string, lines: string[]): string[] {
  if (lines.length <= 2) return [`${indent}${head} ${lines.map((line) => line.trim()).join(" ")} }`];
  return [`${indent}${head}`, ...lines, `${indent}}`];
}

/** The keywords statements() reads; a schema with none of them allows any value. */
const CHECKED_KEYWORDS = ["$ref", "type", "enum", "const", "properties", "additionalProperties", "items", "allOf", "oneOf", "anyOf", "nullable", "required"];

function readsNothing(schema: Schema): boolean {
  return !schema || typeof schema !== "object" || Array.isArray(schema) || !CHECKED_KEYWORDS.some((keyword) => Object.hasOwn(schema, keyword));
}

function isComposite(schema: Schema): boolean {
  return Boolean(schema.allOf || schema.oneOf || schema.anyOf || schemaTypes(schema)?.some((type) => type === "object" || type === "array"));
}

function negated(test: string): string {
  return test.includes(" === ") ? test.replace(" === ", " !== ") : `!${test}`;
}

function typeTest(type: string, v: string): string {
  switch (type) {
    case "integer":
      return `Number.isInteger(${v})`;
    case "array":
      return `Array.isArray(${v})`;
    case "object":
      return `isObject(${v})`;
    case "string":
    case "number":
    case "boolean":
      return `typeof ${v} === ${JSON.stringify(type)}`;
    default:
      // A type JSON Schema does not know: the types say nothing about it either.
      return "true";
  }
}

const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Whether object `v` has property `name`. JSON gives no property the value undefined (and
 * JSON.stringify drops such a property of a request body), so a name no object inherits is
 * present when it is not undefined, which is cheaper than asking hasOwn; inherited names need it.
 */
function present(v: string, name: string): string {
  return INHERITED.has(name) ? `hasOwn(${v}, ${JSON.stringify(name)})` : `${v}[${JSON.stringify(name)}] !== undefined`;
}

/** A call of the check `name` on `v`, with the path one key longer for it when `key` is given; none without a check. */
function descend(indent: string, name: string | undefined, v: string, key: string | undefined): string[] {
  if (!name) return [];
  return key === undefined ? [`${indent}${name}(${v}, e);`] : [`${indent}path.push(${key}); ${name}(${v}, e); path.pop();`];
}

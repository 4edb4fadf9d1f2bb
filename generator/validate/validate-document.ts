import { BaseResolver, createConfig, lintDocument, type NormalizedProblem, Source } from "@redocly/openapi-core";
import { SpecError } from "../errors.js";
import { jsonPointer, unescapePointerToken } from "../json-pointer.js";
import { mappingRef } from "../normalize/schema-shape.js";
import type { OnDefect } from "./defects.js";
import { checkLocalRefs } from "./local-refs.js";

type StyleguideConfig = Awaited<ReturnType<typeof createConfig>>["styleguide"];
let structuralRules: Promise<StyleguideConfig> | undefined;

/**
 * Checks a Swagger 2.0 or OpenAPI 3.x document against its specification's structure
 * and throws a SpecError naming the first problem's JSON pointer. With `onDefect` (lenient
 * reading, for `diff`), every structural problem is reported to it instead, once, with its
 * pointer, and the parts a comparison cannot read are left out (repairLeniently): other diff
 * tools read vendors' slightly invalid documents, and so does `diff`. Only a document whose
 * paths cannot be read at all is refused. `generate` stays strict, since a client cannot
 * type a parameter without a schema.
 */
export async function validateDocument(source: string, document: Record<string, unknown>, onDefect?: OnDefect): Promise<void> {
  checkOwnRules(source, document, onDefect);
  await lintStructure(source, document, onDefect);
}

/**
 * validateDocument's first step, at once: the version, the path keys and every local `$ref`,
 * which no code may follow before they are checked. What the later steps read safely.
 */
export function checkOwnRules(source: string, document: Record<string, unknown>, onDefect?: OnDefect): void {
  specVersion(source, document);
  if (onDefect && (document.paths === null || typeof document.paths !== "object" || Array.isArray(document.paths)))
    throw new SpecError(source, "/paths", "has no `paths` object, so no operation can be read.", "Compare documents that describe their paths.");
  checkPathKeys(source, document);
  checkLocalRefs(source, document);
}

/** validateDocument's second step, most of its time: Redocly's structural lint of a document that passed checkOwnRules. */
export async function lintStructure(source: string, document: Record<string, unknown>, onDefect?: OnDefect): Promise<void> {
  const version = specVersion(source, document);
  structuralRules ??= createConfig({ rules: { struct: "error", "no-unresolved-refs": "error" } }).then((config) => config.styleguide);
  const problems = await lintDocument({
    document: { source: new Source(source, ""), parsed: document },
    externalRefResolver: new NoExternalRefs(),
    config: await structuralRules,
  });
  let errors = problems.filter((p) => p.severity === "error" && !TOLERATED.some((tolerated) => tolerated(version, p, document)));
  if (onDefect) {
    for (const problem of errors) onDefect(defectOf(problem));
    repairLeniently(document);
    errors = [];
  }
  const first = errors[0];
  if (!first) return;
  const pointer = first.location[0]?.pointer?.replace(/^#/, "") ?? "";
  const more = errors.length > 1 ? ` (${errors.length - 1} more problem${errors.length > 2 ? "s" : ""} after this one)` : "";
  throw new SpecError(
    source,
    pointer,
    `is not a valid ${version === 2 ? "Swagger 2.0" : "OpenAPI 3.x"} document: ${first.message.replace(/\.$/, "")}${more}.`,
    "Fix the document (or ask the API's maintainers for a corrected one) and run the command again.",
  );
}

/**
 * The loader refused or bundled every reference outside the document; should one still
 * arrive here, the linter reports it unresolved instead of reading a file or a URL.
 */
class NoExternalRefs extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    throw new Error(`${absoluteRef} is outside the document and is not read`);
  }
}

/**
 * A path key is appended to the client's base URL, so one without its leading `/` (such as
 * `__proto__`) would change the host a call goes to. The linter does not check this.
 */
function checkPathKeys(source: string, document: Record<string, unknown>): void {
  const paths = document.paths;
  if (paths === null || typeof paths !== "object") return;
  const bad = Object.keys(paths).find((key) => !key.startsWith("/") && !key.startsWith("x-"));
  if (bad !== undefined) {
    throw new SpecError(
      source,
      jsonPointer(["paths", bad]),
      `the path ${JSON.stringify(bad)} does not start with "/".`,
      "Every path must start with a slash (for example `/server/`); fix the key.",
    );
  }
}

/** Which major specification the document claims to follow; 2 for Swagger 2.0. */
function specVersion(source: string, document: Record<string, unknown>): 2 | 3 {
  if (document.swagger === "2.0") return 2;
  if (typeof document.openapi === "string" && /^3\.[01]\.\d+$/.test(document.openapi)) return 3;
  const claimed = document.swagger ?? document.openapi;
  throw new SpecError(
    source,
    document.swagger !== undefined ? "/swagger" : document.openapi !== undefined ? "/openapi" : "",
    claimed === undefined
      ? "has neither a `swagger` nor an `openapi` field, so it is not an API description."
      : `declares version ${JSON.stringify(claimed)}, which is not supported.`,
    "Supported: Swagger 2.0 and OpenAPI 3.0/3.1, as JSON or YAML.",
  );
}

type Tolerated = (version: 2 | 3, problem: NormalizedProblem, document: Record<string, unknown>) => boolean;

/** Findings of the linter that real, working specs contain and that change nothing for a client. */
const TOLERATED: Tolerated[] = [
  // Swagger 2.0 allows `type: file` in a response schema (PMM's logs.zip); the linter does not know that.
  (version, problem, document) => {
    const pointer = problem.location[0]?.pointer;
    return version === 2 && Boolean(pointer?.endsWith("/schema/type") && pointer.includes("/responses/")) && valueAt(document, pointer!) === "file";
  },
  // `nullable: true` beside `allOf`/`anyOf` without `type` (GitHub's REST API does it 135 times); OpenAPI 3.0.3 says it is simply ignored.
  (_version, problem) => problem.message.startsWith("The `type` field must be defined when the `nullable` field is used"),
  // A discriminator mapping may name a schema without a `$ref` (`cachorro: Dog`, OpenAPI 3.0): the linter takes it for a file.
  (version, problem, document) => {
    const pointer = problem.location[0]?.pointer ?? "";
    const name = pointer.includes("/discriminator/mapping/") ? valueAt(document, pointer) : undefined;
    return version === 3 && typeof name === "string" && mappingRef(name) !== name && valueAt(document, mappingRef(name)) !== undefined;
  },
];

/** A linter problem as a defect: the fields vendors most often leave out are named plainly. */
function defectOf(problem: NormalizedProblem): { pointer: string; problem: string; handling: string } {
  const pointer = problem.location[0]?.pointer?.replace(/^#/, "") ?? "";
  const missing = (field: string) => ({ pointer, problem: `${field} is missing`, handling: "compared without it" });
  if (/\/responses\/[^/]+$/.test(pointer) && problem.message.includes("`description` must be present")) return missing("the response's `description`");
  if (/\/parameters\/\d+$/.test(pointer)) {
    if (problem.message.startsWith("Must contain at least one of the following fields: schema")) return missing("the parameter's `schema`");
    if (problem.message.includes("`type` must be present")) return missing("the parameter's `type`");
    if (problem.message.includes("`name` must be present"))
      return { pointer, problem: "the parameter's `name` is missing", handling: "compared without this parameter" };
  }
  const message = problem.message.replace(/\.$/, "");
  return { pointer, problem: message.charAt(0).toLowerCase() + message.slice(1), handling: "read as far as it goes" };
}

/**
 * What a comparison cannot read, left out after its defect was reported: a parameter without a
 * name or location matches nothing across versions, so it would only crash the comparison.
 */
function repairLeniently(document: Record<string, unknown>): void {
  const isParameter = (p: unknown) =>
    typeof p !== "object" ||
    p === null ||
    "$ref" in p ||
    (typeof (p as { name?: unknown }).name === "string" && typeof (p as { in?: unknown }).in === "string");
  for (const item of Object.values(document.paths as Record<string, unknown>)) {
    if (!item || typeof item !== "object") continue;
    for (const owner of [item, ...Object.values(item)]) {
      const holder = owner as { parameters?: unknown };
      if (owner && typeof owner === "object" && Array.isArray(holder.parameters)) holder.parameters = holder.parameters.filter(isParameter);
    }
  }
}

function valueAt(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .map(unescapePointerToken)
    .reduce<unknown>((node, token) => (node && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined), document);
}

import { BaseResolver, createConfig, lintDocument, type NormalizedProblem, Source } from "@redocly/openapi-core";
import { SpecError } from "../errors.js";
import { jsonPointer, unescapePointerToken } from "../json-pointer.js";
import { checkLocalRefs } from "./local-refs.js";

type StyleguideConfig = Awaited<ReturnType<typeof createConfig>>["styleguide"];
let structuralRules: Promise<StyleguideConfig> | undefined;

/** A field a document misses that a comparison can do without: where, and what is missing. */
export interface MissingField {
  pointer: string;
  missing: string;
}

/**
 * Checks a Swagger 2.0 or OpenAPI 3.x document against its specification's structure
 * and throws a SpecError naming the first problem's JSON pointer. With `onMissing`, fields
 * that only document the API (a response's `description`, a parameter's `schema` or `type`)
 * are reported to it instead of failing: `diff` compares vendors' slightly invalid documents,
 * while `generate` stays strict, since a client cannot type a parameter without a schema.
 */
export async function validateDocument(source: string, document: Record<string, unknown>, onMissing?: (problem: MissingField) => void): Promise<void> {
  const version = specVersion(source, document);
  checkPathKeys(source, document);
  checkLocalRefs(source, document);
  structuralRules ??= createConfig({ rules: { struct: "error", "no-unresolved-refs": "error" } }).then((config) => config.styleguide);
  const problems = await lintDocument({
    document: { source: new Source(source, ""), parsed: document },
    externalRefResolver: new NoExternalRefs(),
    config: await structuralRules,
  });
  let errors = problems.filter((p) => p.severity === "error" && !TOLERATED.some((tolerated) => tolerated(version, p, document)));
  if (onMissing) {
    errors = errors.filter((problem) => {
      const missing = missingField(problem);
      if (missing) onMissing({ pointer: problem.location[0]?.pointer?.replace(/^#/, "") ?? "", missing });
      return !missing;
    });
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
];

/** The field a problem says is missing, when it is one a comparison can do without. */
function missingField(problem: NormalizedProblem): string | undefined {
  const pointer = problem.location[0]?.pointer ?? "";
  if (/\/responses\/[^/]+$/.test(pointer) && problem.message.includes("`description` must be present")) return "the response's `description`";
  if (!/\/parameters\/\d+$/.test(pointer)) return undefined;
  if (problem.message.startsWith("Must contain at least one of the following fields: schema")) return "the parameter's `schema`";
  if (problem.message.includes("`type` must be present")) return "the parameter's `type`";
  return undefined;
}

function valueAt(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .map(unescapePointerToken)
    .reduce<unknown>((node, token) => (node && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined), document);
}

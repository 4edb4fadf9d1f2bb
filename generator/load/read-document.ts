import { readFile } from "node:fs/promises";
import { CORE_SCHEMA, YAMLException, load } from "js-yaml";
import { SpecError } from "../errors.js";

/** A parsed API description and where it came from. */
export interface LoadedDocument {
  source: string;
  document: Record<string, unknown>;
}

/** Reads a spec from a file path or an https:// URL and parses it as JSON or YAML. */
export async function readDocument(source: string): Promise<LoadedDocument> {
  const text = await readSource(source);
  return { source, document: parseDocumentText(source, text) };
}

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    if (!source.toLowerCase().startsWith("https://")) {
      throw new SpecError(source, undefined, "plain http:// URLs are not fetched.", "Use an https:// URL or download the file first.");
    }
    let response: Response;
    try {
      response = await fetch(source, { headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.1" } });
    } catch (error) {
      throw new SpecError(source, undefined, `could not be downloaded (${describeCause(error)}).`, "Check the URL and the network, or download the file and pass its path.");
    }
    if (!response.ok) {
      throw new SpecError(source, undefined, `could not be downloaded: the server answered ${response.status} ${response.statusText}.`, "Check the URL.");
    }
    return response.text();
  }
  try {
    return await readFile(source, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === "ENOENT" ? "no such file." : code === "EISDIR" ? "is a directory, not a spec file." : `could not be read (${code ?? describeCause(error)}).`;
    throw new SpecError(source, undefined, problem, "Pass the path of a Swagger 2.0 or OpenAPI 3.x file (JSON or YAML).");
  }
}

/** Parses JSON or YAML text; syntax errors name the line and column. */
export function parseDocumentText(source: string, text: string): Record<string, unknown> {
  // JSON.parse is the fastest path for JSON specs; YAML, a JSON superset, handles everything
  // else and reports syntax errors with line and column.
  if (/^\s*\{/.test(text)) {
    try {
      return asObject(source, JSON.parse(text));
    } catch {
      // Not valid JSON: let the YAML parser explain where.
    }
  }
  // js-yaml reads the YAML 1.2 core schema (no timestamps), rejects duplicate keys, and is
  // several times faster than the `yaml` package on large specs.
  try {
    return asObject(source, load(text, { schema: CORE_SCHEMA, filename: source }));
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const at = error.mark ? ` (line ${error.mark.line + 1}, column ${error.mark.column + 1})` : "";
    const reason = (error.reason || error.message.split("\n")[0]!).replace(/[.:]?$/, ".");
    throw new SpecError(source, undefined, `is not valid JSON or YAML${at}: ${reason}`, "Fix the syntax and run the command again.");
  }
}

function asObject(source: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SpecError(source, "", "the document is not an object.", "An API description is a JSON or YAML object with a `swagger` or `openapi` field.");
  }
  return value as Record<string, unknown>;
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : error.message;
  }
  return String(error);
}

import { readFile } from "node:fs/promises";
import { parseDocument } from "yaml";
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
  // JSON.parse is an order of magnitude faster on large JSON specs; the YAML parser, a JSON
  // superset, still handles everything else and reports syntax errors with line and column.
  if (/^\s*\{/.test(text)) {
    try {
      return asObject(source, JSON.parse(text));
    } catch {
      // Not valid JSON: let the YAML parser explain where.
    }
  }
  const parsed = parseDocument(text, { uniqueKeys: true, merge: false });
  const firstError = parsed.errors[0];
  if (firstError) {
    const where = firstError.linePos?.[0];
    const at = where ? ` (line ${where.line}, column ${where.col})` : "";
    const reason = firstError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "").replace(/[.:]?$/, ".");
    throw new SpecError(source, undefined, `is not valid JSON or YAML${at}: ${reason}`, "Fix the syntax and run the command again.");
  }
  return asObject(source, parsed.toJS({ maxAliasCount: 1000 }));
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

import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { SpecError } from "../errors.js";
import { checkDocumentShape, DOCUMENT_LIMITS, nestedTooDeep } from "./document-shape.js";
import { type DownloadLimits, describeCause, downloadBytes, formatBytes, isUrl } from "./download.js";
import { refuseExternalRefs } from "./external-refs.js";

/** A parsed API description, where it came from, and a digest of what was read there. */
export interface LoadedDocument {
  source: string;
  document: Record<string, unknown>;
  /** SHA-256 (hex) of the source's bytes: a record of an import can tell when its source changed. */
  sha256: string;
}

export interface ReadOptions {
  /** Follow `$ref`s to local files and https:// URLs, bundling them in; otherwise they are refused. */
  allowExternalRefs?: boolean;
  limits?: Partial<DownloadLimits>;
}

/** Bounds on reading one spec: generous, since PMM 3.8's full reference document is 1.4 MB. */
const READ_LIMITS: DownloadLimits = { timeoutMs: 60_000, maxBytes: 64 * 1024 * 1024 };

/**
 * Reads a spec from a file path or an https:// URL and parses it as JSON or YAML. The result
 * is self-contained: references outside it are refused, or bundled in when allowed.
 */
export async function readDocument(source: string, options: ReadOptions = {}): Promise<LoadedDocument> {
  return parseSpecBytes(await readSpecBytes(source, options), options);
}

/** A spec's bytes as read, before parsing, and their SHA-256 (hex). */
export interface SpecBytes {
  source: string;
  bytes: Buffer;
  sha256: string;
}

/** The first half of readDocument: the bytes of a file or https:// URL, within the limits. */
export async function readSpecBytes(source: string, options: ReadOptions = {}): Promise<SpecBytes> {
  const bytes = await readSource(source, { ...READ_LIMITS, ...options.limits });
  return { source, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The second half of readDocument: the bytes parsed, and external references refused or bundled. */
export async function parseSpecBytes({ source, bytes, sha256 }: SpecBytes, options: ReadOptions = {}): Promise<LoadedDocument> {
  const limits = { ...READ_LIMITS, ...options.limits };
  const document = parseDocumentText(source, decodeText(bytes));
  if (!options.allowExternalRefs) {
    refuseExternalRefs(source, document);
    return { source, document, sha256 };
  }
  const readText = async (location: string) => decodeText(await readSource(location, limits));
  // Imported only when asked for: Redocly's bundler takes a third of a second to load.
  const { bundleExternalRefs } = await import("./bundle-refs.js");
  return { source, document: await bundleExternalRefs(source, document, readText, parseDocumentText), sha256 };
}

/** UTF-8 text; a byte-order mark is dropped, bytes that are not UTF-8 become U+FFFD. */
function decodeText(bytes: Buffer): string {
  return new TextDecoder().decode(bytes);
}

/** The bytes of a spec file or https:// URL, within the limits. */
async function readSource(source: string, limits: DownloadLimits): Promise<Buffer> {
  if (isUrl(source)) return downloadBytes(source, limits);
  const remedy = "Pass the path of a Swagger 2.0 or OpenAPI 3.x file (JSON or YAML).";
  let file: FileHandle | undefined;
  try {
    // Opened without waiting for a writer and checked on the open file itself, so that a FIFO
    // or a device (/dev/zero) is refused rather than waited on or read without end.
    file = await open(source, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await file.stat();
    if (stats.isDirectory()) throw new SpecError(source, undefined, "is a directory, not a spec file.", remedy);
    if (!stats.isFile()) throw new SpecError(source, undefined, "is not a regular file (a FIFO, a device or a socket).", remedy);
    return await readAtMost(source, file, limits.maxBytes);
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SpecError(source, undefined, code === "ENOENT" ? "no such file." : `could not be read (${code ?? describeCause(error)}).`, remedy);
  } finally {
    await file?.close();
  }
}

/** A file's bytes, read until its end or until it passes `maxBytes`, whatever its size said. */
async function readAtMost(source: string, file: FileHandle, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { bytesRead, buffer } = await file.read({ buffer: Buffer.alloc(1024 * 1024) });
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    total += bytesRead;
    if (total > maxBytes) {
      throw new SpecError(source, undefined, `is larger than ${formatBytes(maxBytes)}, the most a spec may be.`, "Check that this file is an API description.");
    }
    chunks.push(buffer.subarray(0, bytesRead));
  }
}

/**
 * Parses JSON or YAML text; syntax errors name the line and column. Aliases are capped and
 * the expanded document measured, so that an alias bomb fails here at once.
 */
export function parseDocumentText(source: string, text: string): Record<string, unknown> {
  const document = parseText(source, text);
  checkDocumentShape(source, document);
  return document;
}

function parseText(source: string, text: string): Record<string, unknown> {
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
    return asObject(source, load(text, { schema: CORE_SCHEMA, filename: source, maxAliases: MAX_ALIASES, maxDepth: DOCUMENT_LIMITS.maxDepth }));
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const at = error.mark ? ` (line ${error.mark.line + 1}, column ${error.mark.column + 1})` : "";
    if (/maxDepth/.test(error.reason ?? "")) throw nestedTooDeep(source, undefined, at);
    const reason = (error.reason || error.message.split("\n")[0]!).replace(/[.:]?$/, ".");
    throw new SpecError(source, undefined, `is not valid JSON or YAML${at}: ${reason}`, "Fix the syntax and run the command again.");
  }
}

/** Far more than any hand-written spec uses; the expanded size is what checkDocumentShape bounds. */
const MAX_ALIASES = 10_000;

function asObject(source: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SpecError(source, "", "the document is not an object.", "An API description is a JSON or YAML object with a `swagger` or `openapi` field.");
  }
  return value as Record<string, unknown>;
}

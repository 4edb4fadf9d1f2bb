import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, parse } from "yaml";
import { SpecError } from "../errors.js";
import { isUrl } from "../load/download.js";
import { compareVersionLabels } from "../validate/labels.js";

/** `specs/sources.yaml`: where each spec in specs/ came from, written by `npm run specs:import`. */
export const SOURCES_FILE = "sources.yaml";

/** One import: the spec it wrote, what it read and with which options. */
export interface SourceRecord {
  api: string;
  version: string;
  /** An https:// URL as given, or a file path relative to the project root, with forward slashes. */
  source: string;
  /** SHA-256 (hex) of the source's bytes when it was imported. */
  sha256: string;
  keepDocs: boolean;
  allowExternalRefs: boolean;
}

const HEADER =
  " Where each spec in specs/ came from. Written by `npm run specs:import`, which replaces a\n version's entry when it is imported again; not edited by hand.";

/** The records of a specs folder; none when it has no sources.yaml yet. */
export async function readSources(specsDir: string): Promise<SourceRecord[]> {
  const file = path.join(specsDir, SOURCES_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  let records: unknown;
  try {
    records = parse(text) ?? [];
  } catch (error) {
    throw malformed(file, undefined, `is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  if (!Array.isArray(records)) throw malformed(file, "", "is not a list of imports");
  for (const [index, record] of records.entries()) checkRecord(file, `/${index}`, record);
  return records as SourceRecord[];
}

/** Writes the records sorted by API, then version, one block per import. */
export async function writeSources(specsDir: string, records: SourceRecord[]): Promise<void> {
  const sorted = [...records].sort((a, b) => (a.api < b.api ? -1 : a.api > b.api ? 1 : compareVersionLabels(a.version, b.version)));
  // Fixed key order, whatever order the records were built in.
  const document = new Document(
    sorted.map(({ api, version, source, sha256, keepDocs, allowExternalRefs }) => ({ api, version, source, sha256, keepDocs, allowExternalRefs })),
  );
  document.commentBefore = HEADER;
  await writeFile(path.join(specsDir, SOURCES_FILE), document.toString({ lineWidth: 0 }));
}

/** The records with `record` in place of any earlier import of the same version. */
export function withRecord(records: SourceRecord[], record: SourceRecord): SourceRecord[] {
  return [...records.filter((r) => r.api !== record.api || r.version !== record.version), record];
}

/** How a record names a source: a URL without its credentials (`withoutCredentials`); a file relative to the project root, with forward slashes. */
export function recordedLocation(root: string, source: string): string {
  return isUrl(source) ? withoutCredentials(source).url : path.relative(root, source).split(path.sep).join("/");
}

/** What stands in sources.yaml for a credential left out of a URL. */
export const REDACTED = "REDACTED";
/** Words of a query parameter's name that say it carries a credential (`private_token`, `X-Amz-Signature`, `apiKey`). */
const SECRET_WORDS = new Set([
  "token",
  "key",
  "apikey",
  "sig",
  "signature",
  "secret",
  "password",
  "passwd",
  "pwd",
  "credential",
  "credentials",
  "auth",
  "session",
  "jwt",
]);
/** Parameter prefixes of signed cloud URLs, every one of whose parameters is left out (X-Amz-Credential, X-Goog-Signature). */
const SIGNED_URL_PREFIX = /^x-(amz|goog)-/i;

function looksSecret(name: string): boolean {
  if (SIGNED_URL_PREFIX.test(name)) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word));
}

/**
 * A URL as sources.yaml records it, which is committed: userinfo (`user:password@`) and the
 * values of query or fragment parameters that look like credentials become `REDACTED`; the rest
 * stays as given. `left` names what was left out, for the importer to say so.
 */
export function withoutCredentials(url: string): { url: string; left: string[] } {
  const left: string[] = [];
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!match) return { url, left };
  const [, scheme, userinfo, rest, query = "", fragment = ""] = match;
  if (userinfo) left.push("userinfo");
  const parameters = (part: string) =>
    part.replace(/([?#&;])([^=&;#]*)=([^&;#]*)/g, (whole, separator: string, name: string) => {
      if (!looksSecret(decodedName(name))) return whole;
      left.push(decodedName(name));
      return `${separator}${name}=${REDACTED}`;
    });
  const recorded = `${scheme}${userinfo ? `${REDACTED}@` : ""}${rest}${parameters(query)}${parameters(fragment)}`;
  return { url: recorded, left };
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll("+", " "));
  } catch {
    return name;
  }
}

/** Whether a URL is one sources.yaml recorded without its credentials: it cannot be read as it stands. */
export function hasRedactedCredentials(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/REDACTED@/i.test(url) || /[?#&;][^=&;#]*=REDACTED(?=[&;#]|$)/.test(url);
}

/** Where a recorded source is: a URL as recorded; a file resolved against the project root. */
export function resolveRecordedLocation(root: string, location: string): string {
  return isUrl(location) ? location : path.resolve(root, location);
}

const FIELDS = { api: "string", version: "string", source: "string", sha256: "string", keepDocs: "boolean", allowExternalRefs: "boolean" } as const;

function checkRecord(file: string, pointer: string, record: unknown): void {
  if (record === null || typeof record !== "object" || Array.isArray(record)) throw malformed(file, pointer, "is not a mapping");
  for (const [field, type] of Object.entries(FIELDS)) {
    if (typeof (record as Record<string, unknown>)[field] !== type) throw malformed(file, `${pointer}/${field}`, `is not a ${type}`);
  }
}

function malformed(file: string, pointer: string | undefined, problem: string): SpecError {
  return new SpecError(file, pointer, `${problem}.`, "Restore the file from git, or import the spec again with `npm run specs:import`.");
}

import { readDocument } from "../load/read-document.js";
import { validateDocument } from "../validate/validate-document.js";
import { canonicalYaml } from "./canonical-yaml.js";
import { stripProse } from "./strip-prose.js";

export interface ImportOptions {
  api: string;
  version: string;
  /** Keep upstream descriptions and titles (for a user's own servers' specs). */
  keepDocs: boolean;
  /** Bundle in `$ref`s to other local files and https:// URLs instead of refusing them. */
  allowExternalRefs?: boolean;
}

/** An imported spec and the digest of the source it came from. */
export interface ImportedSpec {
  /** The text of `specs/<api>/<version>.yaml`. */
  text: string;
  /** SHA-256 (hex) of the source's bytes. */
  sourceSha256: string;
}

/** Reads, validates and canonicalizes one spec. */
export async function importSpec(source: string, options: ImportOptions): Promise<ImportedSpec> {
  const { document, sha256 } = await readDocument(source, { allowExternalRefs: options.allowExternalRefs });
  await validateDocument(source, document);
  const imported = options.keepDocs ? document : stripProse(document, `${options.api} ${options.version}`);
  // Stripping prose must leave a valid document; kept as it is, it was just validated.
  if (imported !== document) await validateDocument(source, imported);
  return { text: canonicalYaml(imported), sourceSha256: sha256 };
}

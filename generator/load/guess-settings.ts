import path from "node:path";
import { UsageError } from "../errors.js";
import { type ApiConfig, readApiConfig } from "./api-config.js";
import { readDocument } from "./read-document.js";

/** The settings two spec files are read with, and the old file's content when guessing meant reading it. */
export interface FileSettings {
  config: ApiConfig;
  oldDocument?: Record<string, unknown>;
}

export interface SettingsSources {
  /** The `--api` the user gave, if any. */
  api: string | undefined;
  specsDir: string;
  /** The shipped APIs: folders of `specsDir`. */
  known: Set<string>;
  /** Told when the settings come from a guess, so the user knows how to choose otherwise. */
  notice: (message: string) => void;
}

/**
 * The settings to read two spec files with, the same for both so that a setting never shows up
 * as an API change: `api`, else the API folder either file sits in, else what the old document
 * looks like (guessApi), else neutral settings.
 */
export async function settingsForFiles(oldFile: string, newFile: string, { api, specsDir, known, notice }: SettingsSources): Promise<FileSettings> {
  if (api !== undefined) {
    if (!known.has(api)) throw new UsageError(`unknown API "${api}". Shipped APIs: ${[...known].join(", ")}.`);
    return { config: await readApiConfig(path.join(specsDir, api)) };
  }
  const folders = [...new Set([oldFile, newFile].map((file) => path.basename(path.dirname(path.resolve(file)))).filter((folder) => known.has(folder)))];
  if (folders.length > 1)
    throw new UsageError(`the files sit in the folders of different APIs (${folders.join(", ")}); pass --api to say which API's settings to use.`);
  if (folders.length === 1) return { config: await readApiConfig(path.join(specsDir, folders[0]!)) };
  const { document } = await readDocument(oldFile);
  const guessed = guessApi(document);
  if (guessed && known.has(guessed)) {
    notice(`reading both files with the ${guessed} settings (the old file looks like ${guessed.toUpperCase()}); pass --api to choose.`);
    return { config: await readApiConfig(path.join(specsDir, guessed)), oldDocument: document };
  }
  const operations = operationsOf(document);
  const allNamed = operations.length > 0 && operations.every((op) => Boolean(op.operationId));
  return { config: { name: "api", auth: "pmm", naming: allNamed ? "operationId" : "path", int64: "number" }, oldDocument: document };
}

/** pem when operations take PEM's X-Auth-Token header, pmm when the paths are PMM's server API. */
export function guessApi(document: Record<string, unknown>): "pem" | "pmm" | undefined {
  const takesPemToken = operationsOf(document).some(
    (op) =>
      Array.isArray(op.parameters) &&
      op.parameters.some((p: { in?: unknown; name?: unknown }) => p?.in === "header" && String(p.name).toLowerCase() === "x-auth-token"),
  );
  if (takesPemToken) return "pem";
  if (Object.keys(pathsOf(document)).some((p) => p.startsWith("/v1/server/version") || p.startsWith("/v1/inventory/"))) return "pmm";
  return undefined;
}

type OperationLike = { operationId?: string; parameters?: unknown };
const isOperation = (value: unknown): value is OperationLike => typeof value === "object" && value !== null && !Array.isArray(value) && "responses" in value;

const pathsOf = (document: Record<string, unknown>) => (document.paths ?? {}) as Record<string, Record<string, unknown>>;

function operationsOf(document: Record<string, unknown>): OperationLike[] {
  return Object.values(pathsOf(document))
    .flatMap((item) => Object.values(item ?? {}))
    .filter(isOperation);
}

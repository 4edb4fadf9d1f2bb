import path from "node:path";
import { pathToFileURL } from "node:url";
import { GENERATED_DIR } from "./paths.js";

type Manifest = typeof import("../../generated/package.json", { with: { type: "json" }});

/** A version entry the package exports (`pem/v10`): `./<api>/<version>`, not `./runtime` or a migration file. */
export type VersionEntry = keyof Manifest["exports"] extends infer Key
  ? Key extends `./${infer Api}/${infer Version}`
    ? Version extends `${string}/${string}` | `${string}.json`
      ? never
      : `${Api}/${Version}`
    : never
  : never;

/**
 * Imports a version entry of the committed generated/ package (kept current by `generate --check`),
 * with the `pathClient` of its `paths` entry beside the exports of its index.
 */
export async function loadGenerated(entry: VersionEntry): Promise<any> {
  const [index, paths] = await Promise.all(["index.js", "paths.js"].map((file) => import(pathToFileURL(path.join(GENERATED_DIR, entry, file)).href)));
  return { ...index, pathClient: paths.pathClient };
}

/** A logger that keeps every line, for assertions. */
export function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    logger: {
      debug: (message: string) => lines.push({ level: "debug", message }),
      info: (message: string) => lines.push({ level: "info", message }),
      warn: (message: string) => lines.push({ level: "warn", message }),
    },
  };
}

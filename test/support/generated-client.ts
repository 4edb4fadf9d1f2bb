import path from "node:path";
import { pathToFileURL } from "node:url";
import { GENERATED_DIR } from "./paths.js";

/** Imports a version entry of the committed generated/ package (kept current by `generate --check`). */
export async function loadGenerated(entry: "pem/v9" | "pem/v10" | "pem/v17" | "pmm/v2" | "pmm/v3"): Promise<any> {
  return import(pathToFileURL(path.join(GENERATED_DIR, entry, "index.js")).href);
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

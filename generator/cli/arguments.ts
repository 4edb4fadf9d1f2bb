import path from "node:path";
import { isUrl } from "../load/download.js";
import type { CliIo } from "./run-cli.js";

/** A file argument as the command reads it: relative to the command's folder; a URL as it is. */
export function resolveInput(io: CliIo, location: string): string {
  return isUrl(location) ? location : path.resolve(io.cwd, location);
}

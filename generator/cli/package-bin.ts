import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationData } from "../diff/migration-guide.js";
import { UsageError } from "../errors.js";
import { upgradeCommand } from "../upgrade/upgrade-command.js";
import type { CliIo } from "./run-cli.js";

/** The installed package's root: this file runs from bin/lib/cli/. */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * `npx pem-pmm-client upgrade …`: the generated package's command. It runs from the installed
 * package (compiled into bin/lib/cli/), so the migrations are the JSON files the package ships.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command !== "upgrade")
    throw new UsageError(
      `pem-pmm-client has one command, upgrade; got ${command === undefined ? "none" : `"${command}"`}. Run npx pem-pmm-client upgrade --help.`,
    );
  return upgradeCommand(args, io, "npx pem-pmm-client upgrade", async (api, from, to) => {
    const folder = path.join(PACKAGE_ROOT, api, "migrations");
    const file = path.join(folder, `${from}-${to}.json`);
    if (!existsSync(file)) {
      const shipped = existsSync(folder) ? readdirSync(folder).map((f) => `${api}/${f.replace(/\.json$/, "").replace("-", ` → ${api}/`)}`) : [];
      throw new UsageError(`the package holds no migration from ${api}/${from} to ${api}/${to}. It holds: ${shipped.join(", ") || "none for this API"}.`);
    }
    return JSON.parse(await readFile(file, "utf8")) as MigrationData;
  });
}

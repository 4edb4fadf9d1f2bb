import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { MigrationData } from "../diff/migration-guide.js";
import { type CheckSite, checkServerCommand } from "../drift/check-command.js";
import { UsageError } from "../errors.js";
import { upgradeCommand } from "../upgrade/upgrade-command.js";
import { type CliIo, usage } from "./run-cli.js";

/** The installed package's root: this file runs from bin/lib/cli/. */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const HELP = `Usage:
  npx pem-pmm-client <command> [options]

Commands:
  upgrade       move a TypeScript project from one version of a client to another (needs
                ts-morph: npm install --save-dev ts-morph typescript)
  diff          what changed between two versions of an API, from the migration guides the
                package ships
  check-server  call a live PEM or PMM server read-only and check its answers against this
                package's client of that version

Run npx pem-pmm-client <command> --help for a command's options.`;

/** check-server in the installed package: the version entries it ships. */
const PACKAGE: CheckSite = {
  command: "npx pem-pmm-client check-server",
  against: "this package's client of\nthat version",
  exitCodes: "",
  async locate(api, version) {
    const folder = path.join(PACKAGE_ROOT, api, version);
    if (existsSync(path.join(folder, "index.js")) && existsSync(path.join(folder, "validators.js"))) return folder;
    const shipped = existsSync(path.join(PACKAGE_ROOT, api)) ? readdirSync(path.join(PACKAGE_ROOT, api)).filter((f) => /^v\d/.test(f)) : [];
    throw new UsageError(
      `this package has no client of ${api} ${version}; ${shipped.length > 0 ? `it has ${shipped.join(", ")}` : "its APIs are pem and pmm"}.`,
    );
  },
};

const DIFF_HELP = `Usage:
  npx pem-pmm-client diff <api> <from> <to> [--format md|json]

Prints what changed from one version of an API to a later one: the migration guide of each pair
of consecutive versions in between (removed and moved operations, with the new call), as the
package ships them in <api>/MIGRATION-<from>-<to>.md, or their data as JSON.

Options:
  --format <f>   md | json (default: md)
  -h, --help     show this help`;

/**
 * `npx pem-pmm-client …`: the generated package's commands. They run from the installed package
 * (compiled into bin/lib/cli/), so what they read is what the package ships.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === "upgrade") return upgradeCommand(args, io, "npx pem-pmm-client upgrade", async (api, from, to) => oneStep(api, from, to));
  if (command === "diff") return diffCommand(args, io);
  if (command === "check-server") return checkServerCommand(args, io, PACKAGE);
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  throw new UsageError(
    `${command === undefined ? "give a command" : `no command "${command}"`}: the commands are upgrade, diff and check-server. Run npx pem-pmm-client --help.`,
  );
}

function diffCommand(args: string[], io: CliIo): number {
  const { values, positionals } = usage(() =>
    parseArgs({
      args,
      options: { format: { type: "string", default: "md" }, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    io.stdout.write(`${DIFF_HELP}\n`);
    return 0;
  }
  const [api, from, to, ...rest] = positionals;
  if (!api || !from || !to || rest.length > 0) throw new UsageError("give an API and two versions, such as: pmm v2 v3.");
  if (values.format !== "md" && values.format !== "json") throw new UsageError(`--format must be md or json; got "${values.format}".`);
  const steps = migrationPath(api, from, to);
  io.stdout.write(
    values.format === "json"
      ? `${JSON.stringify(
          steps.map((step) => step.data),
          null,
          2,
        )}\n`
      : steps.map((step) => readFileSync(path.join(PACKAGE_ROOT, api, `MIGRATION-${step.data.from}-${step.data.to}.md`), "utf8")).join("\n"),
  );
  return 0;
}

/** The migration upgrade applies: between consecutive versions, since each guide's successors hold for its pair only. */
function oneStep(api: string, from: string, to: string): MigrationData {
  const [first, ...more] = migrationPath(api, from, to);
  if (more.length > 0) throw new UsageError(`upgrade one version at a time: first --from ${api}/${from} --to ${api}/${first!.data.to}.`);
  return first!.data;
}

/** The shipped migrations that lead from `from` to `to`, one per pair of consecutive versions. */
function migrationPath(api: string, from: string, to: string): { data: MigrationData }[] {
  const folder = path.join(PACKAGE_ROOT, api, "migrations");
  const shipped = existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith(".json"))
        .map((f) => ({ data: JSON.parse(readFileSync(path.join(folder, f), "utf8")) as MigrationData }))
    : [];
  const steps: { data: MigrationData }[] = [];
  for (let at = from; at !== to; ) {
    const next = shipped.find((step) => step.data.from === at);
    if (!next || steps.includes(next)) {
      const held = shipped.map((step) => `${api}/${step.data.from} → ${api}/${step.data.to}`).join(", ");
      throw new UsageError(`the package holds no migration from ${api}/${from} to ${api}/${to}. It holds: ${held || "none for this API"}.`);
    }
    steps.push(next);
    at = next.data.to;
  }
  if (steps.length === 0) throw new UsageError(`${api}/${from} is both versions: there is nothing to compare.`);
  return steps;
}

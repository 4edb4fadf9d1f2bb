import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { compareVersions } from "../diff/compare.js";
import { migrationData } from "../diff/migration-guide.js";
import { UsageError } from "../errors.js";
import { readApiConfig } from "../load/api-config.js";
import { discoverSpecs } from "../load/discover-specs.js";
import { loadModel } from "../pipeline.js";
import { formatUpgradeJson, formatUpgradeText, needsAPerson } from "../upgrade/format-report.js";
import { upgradeProject } from "../upgrade/upgrade-project.js";
import { SPECS_DIR } from "./project-paths.js";
import { runCli, usage } from "./run-cli.js";

const HELP = `Usage:
  npm run upgrade -- <project-dir> --from <api>/<version> --to <api>/<version> [--write] [--format text|json]

Moves a TypeScript project (the folder of its tsconfig.json) from one version of the generated
client to another, e.g. --from pmm/v2 --to pmm/v3. It finds every call of the old version's
methods and every reference to its types (whatever the import is called), and reports each call
site: unchanged, changed (with the new call) or removed (no successor).

Options:
  --write           apply what is mechanical: the import path, method and namespace renames,
                    input fields moved between path, query and body, a merged call's body wrapped
                    under its key, enum literals and type names renamed. Elsewhere it leaves
                    // TODO(pem-pmm-client upgrade): … at the call. Without --write nothing is written.
  --format <f>      text | json (default: text)
  -h, --help        show this help

After the changes it type-checks the project against the new version and prints what is still
wrong. It writes only files that change, and nothing if the project has syntax errors.
Exit codes: 0 nothing left for a person, 1 something is (a TODO, a removed call, a type error,
or bad input), 2 usage error.`;

runCli(async () => {
  const { values, positionals } = usage(() =>
    parseArgs({
      options: {
        from: { type: "string" },
        to: { type: "string" },
        write: { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    }),
  );
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give one project folder (the folder of its tsconfig.json).");
  const projectDir = path.resolve(positionals[0]!);
  if (!existsSync(projectDir) || !statSync(projectDir).isDirectory()) throw new UsageError(`${positionals[0]} is not a folder.`);
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json; got "${values.format}".`);
  if (values.from === undefined || values.to === undefined) throw new UsageError("--from and --to are required, e.g. --from pmm/v2 --to pmm/v3.");
  const [from, to] = [parseVersion("--from", values.from), parseVersion("--to", values.to)];
  if (from.api !== to.api) throw new UsageError(`--from and --to must name the same API; got ${from.api} and ${to.api}.`);

  const specs = (await discoverSpecs(SPECS_DIR)).filter((s) => s.api === from.api);
  if (specs.length === 0) throw new UsageError(`unknown API "${from.api}".`);
  const config = await readApiConfig(path.join(SPECS_DIR, from.api));
  const load = async (version: string) => {
    const spec = specs.find((s) => s.version === version);
    if (!spec) throw new UsageError(`${from.api} has no version "${version}". Shipped: ${specs.map((s) => s.version).join(", ")}.`);
    return loadModel(spec.file, config, version);
  };
  const migration = migrationData(compareVersions(await load(from.version), await load(to.version)));
  const result = await upgradeProject(projectDir, migration, values.write);
  const heading = `${from.api} ${from.version} → ${to.version} in ${positionals[0]}`;
  process.stdout.write(values.format === "json" ? formatUpgradeJson(result) : formatUpgradeText(result, heading, values.write));
  return needsAPerson(result) ? 1 : 0;
});

function parseVersion(option: string, value: string): { api: string; version: string } {
  const match = /^([a-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value);
  if (!match) throw new UsageError(`${option} must be <api>/<version>, e.g. pmm/v2; got "${value}".`);
  return { api: match[1]!, version: match[2]! };
}

import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { usage } from "../cli/run-cli.js";
import { SpecError, UsageError } from "../errors.js";
import { formatUpgradeJson, formatUpgradeText, needsAPerson } from "./format-report.js";
const help = (command) => `Usage:
  ${command} <project-dir> --from <api>/<version> --to <api>/<version> [--write] [--format text|json]

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
wrong. It writes only files that change, and nothing if the project has syntax errors. It needs
ts-morph (npm install --save-dev ts-morph typescript).
Exit codes: 0 nothing left for a person, 1 something is (a TODO, a removed call, a type error,
or bad input), 2 usage error.`;
/** The upgrade command line, as `npm run upgrade --` here and `npx pem-pmm-client upgrade` from the package. */
export async function upgradeCommand(args, io, command, migrations) {
    const { values, positionals } = usage(() => parseArgs({
        args,
        options: {
            from: { type: "string" },
            to: { type: "string" },
            write: { type: "boolean", default: false },
            format: { type: "string", default: "text" },
            help: { type: "boolean", short: "h", default: false },
        },
        allowPositionals: true,
    }));
    if (values.help) {
        io.stdout.write(`${help(command)}\n`);
        return 0;
    }
    if (positionals.length !== 1)
        throw new UsageError("give one project folder (the folder of its tsconfig.json).");
    const projectDir = path.resolve(io.cwd, positionals[0]);
    if (!existsSync(projectDir) || !statSync(projectDir).isDirectory())
        throw new UsageError(`${positionals[0]} is not a folder.`);
    if (values.format !== "text" && values.format !== "json")
        throw new UsageError(`--format must be text or json; got "${values.format}".`);
    if (values.from === undefined || values.to === undefined)
        throw new UsageError("--from and --to are required, e.g. --from pmm/v2 --to pmm/v3.");
    const [from, to] = [parseVersion("--from", values.from), parseVersion("--to", values.to)];
    if (from.api !== to.api)
        throw new UsageError(`--from and --to must name the same API; got ${from.api} and ${to.api}.`);
    const migration = await migrations(from.api, from.version, to.version);
    const { upgradeProject } = await loadUpgrader();
    const result = await upgradeProject(projectDir, migration, values.write);
    const heading = `${from.api} ${from.version} → ${to.version} in ${positionals[0]}`;
    io.stdout.write(values.format === "json" ? formatUpgradeJson(result) : formatUpgradeText(result, heading, values.write));
    return needsAPerson(result) ? 1 : 0;
}
function parseVersion(option, value) {
    const match = /^([a-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value);
    if (!match)
        throw new UsageError(`${option} must be <api>/<version>, e.g. pmm/v2; got "${value}".`);
    return { api: match[1], version: match[2] };
}
/** The upgrader reads projects with ts-morph, which the client package only names as an optional peer. */
async function loadUpgrader() {
    try {
        return await import("./upgrade-project.js");
    }
    catch (error) {
        const missing = error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("ts-morph");
        if (!missing)
            throw error;
        throw new SpecError("ts-morph", undefined, "is not installed, and upgrade reads your project with it.", "Install it in your project: npm install --save-dev ts-morph typescript");
    }
}

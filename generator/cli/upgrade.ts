import path from "node:path";
import { compareApis } from "../diff/compare.js";
import { migrationData } from "../diff/migration-guide.js";
import { UsageError } from "../errors.js";
import { readApiConfig } from "../load/api-config.js";
import { discoverSpecs } from "../load/discover-specs.js";
import { loadModel } from "../pipeline.js";
import { upgradeCommand } from "../upgrade/upgrade-command.js";
import { type CliIo, runIfEntry } from "./run-cli.js";

/** `npm run upgrade`: the migration is computed from the shipped specs. */
export function main(argv: string[], io: CliIo): Promise<number> {
  const { specsDir } = io.project;
  return upgradeCommand(argv, io, "npm run upgrade --", async (api, from, to) => {
    const specs = (await discoverSpecs(specsDir)).filter((s) => s.api === api);
    if (specs.length === 0) throw new UsageError(`unknown API "${api}".`);
    const config = await readApiConfig(path.join(specsDir, api));
    const load = async (version: string) => {
      const spec = specs.find((s) => s.version === version);
      if (!spec) throw new UsageError(`${api} has no version "${version}". Shipped: ${specs.map((s) => s.version).join(", ")}.`);
      return loadModel(spec.file, config, version);
    };
    return migrationData(compareApis(await load(from), await load(to)));
  });
}

runIfEntry(import.meta.url, main);

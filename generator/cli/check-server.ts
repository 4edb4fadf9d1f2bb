import { existsSync } from "node:fs";
import path from "node:path";
import { type CheckSite, checkServerCommand } from "../drift/check-command.js";
import { SpecError, UsageError } from "../errors.js";
import { readApiConfig } from "../load/api-config.js";
import { discoverSpecs } from "../load/discover-specs.js";
import { loadModel } from "../pipeline.js";
import { type CliIo, runIfEntry } from "./run-cli.js";

/** check-server in the generator's repository: the client in generated/, held to its spec in specs/. */
const REPOSITORY: CheckSite = {
  command: "npm run check-server --",
  against: "the shipped spec of that\nversion (the generated client in generated/)",
  exitCodes: ", 4 the\nshipped spec cannot be read (the error says why; nothing was called)",
  async locate(api, version, io) {
    const { specsDir, generatedDir } = io.project;
    const spec = (await discoverSpecs(specsDir)).find((s) => s.api === api && s.version === version);
    if (!spec) throw new UsageError(`no shipped spec for ${api} ${version}; the versions are in specs/<api>/.`);
    const folder = path.join(generatedDir, api, version);
    if (!existsSync(path.join(folder, "index.js"))) throw new UsageError(`generated/${api}/${version} is missing; run npm run generate first.`);
    // A client generated before validation would check nothing and report that everything agrees.
    if (!existsSync(path.join(folder, "validators.js")))
      throw new UsageError(`generated/${api}/${version} has no validators.js (it predates response validation); run npm run generate first.`);
    try {
      // The spec is read only to say so when it is broken: the calls come from the generated client.
      await loadModel(spec.file, await readApiConfig(path.join(specsDir, api)), version);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      // Its own exit code: 1 means the server disagrees, which a broken spec says nothing about.
      io.stderr.write(`error: ${error.message}\n`);
      return 4;
    }
    return folder;
  },
};

/** `npm run check-server`: call a live server read-only and compare its answers with the spec. */
export function main(argv: string[], io: CliIo): Promise<number> {
  return checkServerCommand(argv, io, REPOSITORY);
}

runIfEntry(import.meta.url, main);

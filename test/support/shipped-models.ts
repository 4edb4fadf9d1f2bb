import path from "node:path";
import { readApiConfig } from "../../generator/load/api-config.js";
import { discoverSpecs, type SpecEntry } from "../../generator/load/discover-specs.js";
import type { ApiModel } from "../../generator/normalize/build-model.js";
import { loadModel } from "../../generator/pipeline.js";
import { SPECS_DIR } from "./paths.js";

/**
 * The models of the shipped specs (specs/), each loaded once per vitest worker: the files of a
 * worker share this module (isolate: false), and a dozen of them read the same models, a load of
 * every version costing about 2 s (loadModel keeps a few recent ones, but not all a worker reads).
 * loadModel freezes them, so a test that changed one under the others fails where it writes.
 */
const loaded = new Map<string, Promise<ApiModel>>();

function modelOf(spec: SpecEntry): Promise<ApiModel> {
  let model = loaded.get(spec.file);
  if (!model) {
    model = readApiConfig(path.join(SPECS_DIR, spec.api)).then((config) => loadModel(spec.file, config, spec.version));
    loaded.set(spec.file, model);
  }
  return model;
}

/** Every shipped spec with its model, in discoverSpecs' order. */
export async function shippedModels(): Promise<{ spec: SpecEntry; model: ApiModel }[]> {
  const specs = await discoverSpecs(SPECS_DIR);
  return Promise.all(specs.map(async (spec) => ({ spec, model: await modelOf(spec) })));
}

/** The model of one shipped version. */
export async function shippedModel(api: string, version: string): Promise<ApiModel> {
  const spec = (await discoverSpecs(SPECS_DIR)).find((s) => s.api === api && s.version === version);
  if (!spec) throw new Error(`specs/ has no ${api} ${version}`);
  return modelOf(spec);
}

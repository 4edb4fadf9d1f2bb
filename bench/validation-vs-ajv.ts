/*
 * `node --import tsx bench/validation-vs-ajv.ts`: the measurements behind emitting our own
 * validators rather than Ajv's standalone output (README, "Response validation"). For each
 * shipped version: code size, gzipped size and build time of both, from the same normalized
 * document; then the time to check PMM v3's 100-node listNodes answer. Ajv is the bench's own
 * dependency (bench/package.json, installed on demand), not the project's or the clients'.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { emitValidators } from "../generator/emit/validators.js";
import { readApiConfig } from "../generator/load/api-config.js";
import { discoverSpecs } from "../generator/load/discover-specs.js";
import { type ApiModel, isJson } from "../generator/normalize/build-model.js";
import { loadModel } from "../generator/pipeline.js";
import { ensureBenchPeers } from "./lib/peers.js";
import { listNodesAnswer } from "./lib/validation-cost.js";

/** What this script uses of Ajv, which the project's type-check cannot see (it is not installed with the project). */
interface AjvInstance {
  addSchema(schema: object): void;
}
type AjvClass = new (options: object) => AjvInstance;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = path.join(root, "bench");
ensureBenchPeers(benchDir);
const fromBench = createRequire(path.join(benchDir, "package.json"));
const Ajv = (fromBench("ajv") as { default: AjvClass }).default;
const standaloneCode = (fromBench("ajv/dist/standalone/index.js") as { default: (ajv: AjvInstance, exports: object) => string }).default;
// Under bench/, so that Ajv's standalone output finds its runtime modules in bench/node_modules.
mkdirSync(path.join(benchDir, ".cache"), { recursive: true });
const out = mkdtempSync(path.join(benchDir, ".cache", "validators-"));
const kib = (text: string) => `${(text.length / 1024).toFixed(0)} KiB (${(gzipSync(text).length / 1024).toFixed(0)} KiB gzipped)`;

/** Ajv's standalone ESM module for every JSON success response, exported as `<namespace>_<method>_<status>`. */
function ajvModule(model: ApiModel): string {
  // The document's own `#/…` references, made absolute under the id "doc".
  const absolute = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"doc#/'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { source: true, esm: true } });
  const document = model.document as Record<string, any>;
  ajv.addSchema({ $id: "doc", components: absolute(document.components ?? {}) });
  const exports: Record<string, string> = {};
  for (const op of model.operations) {
    for (const media of op.success) {
      const schema =
        media.contentType && isJson(media.contentType)
          ? document.paths[op.path][op.httpMethod].responses[media.status]?.content?.[media.contentType]?.schema
          : undefined;
      if (!schema) continue;
      const id = `${op.namespace}_${op.name}_${media.status}`;
      ajv.addSchema({ $id: id, ...absolute(schema) });
      exports[id] = id;
    }
  }
  return standaloneCode(ajv, exports);
}

function timed<T>(make: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = make();
  return { value, ms: performance.now() - started };
}

let pmmV3: { ours: string; ajv: string } | undefined;
for (const spec of await discoverSpecs(path.join(root, "specs"))) {
  const model = await loadModel(spec.file, await readApiConfig(path.join(root, "specs", spec.api)), spec.version);
  const ours = timed(() => emitValidators(model, spec.version));
  let ajvLine: string;
  try {
    const ajv = timed(() => ajvModule(model));
    ajvLine = `${kib(ajv.value)} in ${ajv.ms.toFixed(0)} ms`;
    if (spec.api === "pmm" && spec.version === "v3") pmmV3 = { ours: ours.value, ajv: ajv.value };
  } catch (error) {
    ajvLine = `fails: ${(error as Error).message}`;
  }
  process.stdout.write(`${spec.api}/${spec.version}: ours ${kib(ours.value)} in ${ours.ms.toFixed(0)} ms; Ajv ${ajvLine}\n`);
}

if (pmmV3) {
  writeFileSync(path.join(out, "ours.mjs"), pmmV3.ours);
  writeFileSync(path.join(out, "ajv.mjs"), pmmV3.ajv);
  const ours = (await import(pathToFileURL(path.join(out, "ours.mjs")).href)).responses["nodes.listNodes"]["200"];
  const ajv = (await import(pathToFileURL(path.join(out, "ajv.mjs")).href)).nodes_listNodes_200;
  const body = listNodesAnswer();
  const checks: Record<string, () => unknown> = { ours: () => ours(body, []), Ajv: () => ajv(body) };
  for (const [name, check] of Object.entries(checks)) {
    for (let i = 0; i < 5_000; i++) check();
    const runs = 50_000;
    const { ms } = timed(() => {
      for (let i = 0; i < runs; i++) check();
    });
    process.stdout.write(`PMM v3 nodes.listNodes, 100 nodes: ${name} ${((ms * 1000) / runs).toFixed(1)} µs per body\n`);
  }
}

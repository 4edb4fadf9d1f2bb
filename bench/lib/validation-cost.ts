import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { clientPackageInfo } from "../../generator/cli/project-paths.js";
import { emitValidators } from "../../generator/emit/validators.js";
import { readApiConfig } from "../../generator/load/api-config.js";
import { discoverSpecs } from "../../generator/load/discover-specs.js";
import { generatePackage, loadModel } from "../../generator/pipeline.js";
import { median } from "./measure.js";
import { compareThroughput, startJsonServer } from "./throughput.js";

export interface ValidationRow {
  figure: string;
  tool: string;
  value: string;
  ratio?: string;
  command: string;
}

export interface ValidationFigures {
  rows: ValidationRow[];
  /** Validated ÷ unvalidated throughput, and generation time with ÷ without validators. */
  throughputRatio: number;
  generationRatio: number;
}

const COMMAND = "node --import tsx bench/validation.ts";
const NODES = 100;

/**
 * Response validation's cost: PMM v3 `nodes.listNodes` with a 100-node answer, validated
 * ("strict") and not, through the generated client; each version's validators.js size; and
 * generation time with the validators beside the time their emission takes.
 */
export async function measureValidation(root: string, runs: number): Promise<ValidationFigures> {
  const rows: ValidationRow[] = [];
  const specsDir = path.join(root, "specs");
  const templatesDir = path.join(root, "templates");

  // Generation: the whole package (as `npm run generate`), and the validators' share of it.
  const totals: number[] = [];
  let files = new Map<string, string>();
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    files = (await generatePackage({ root, specsDir, templatesDir, info: clientPackageInfo() })).files;
    totals.push(performance.now() - started);
  }
  const emission: number[] = [];
  const models = await Promise.all(
    (await discoverSpecs(specsDir)).map(async (spec) => loadModel(spec.file, await readApiConfig(path.join(specsDir, spec.api)), spec.version)),
  );
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    for (const model of models) emitValidators(model, model.version);
    emission.push(performance.now() - started);
  }
  const withValidators = median(totals);
  const validatorsOnly = median(emission);
  // The emission runs on the main thread while the compiler thread makes the types, so leaving it out saves at most its own time.
  const generationRatio = withValidators / (withValidators - validatorsOnly);
  const generationFigure = "7. Validation: generation of every shipped spec";
  rows.push({
    figure: generationFigure,
    tool: "with validators (npm run generate)",
    value: `${(withValidators / 1000).toFixed(2)} s`,
    ratio: `${generationRatio.toFixed(2)}× at most`,
    command: COMMAND,
  });
  rows.push({
    figure: generationFigure,
    tool: "emitting the validators alone (all versions)",
    value: `${(validatorsOnly / 1000).toFixed(2)} s`,
    command: COMMAND,
  });

  for (const [name, content] of files) {
    if (!name.endsWith("/validators.js")) continue;
    const bytes = Buffer.byteLength(content);
    rows.push({
      figure: "7. Validation: validators.js size",
      tool: name,
      value: `${(bytes / 1024).toFixed(0)} KiB (${(gzipSync(content).length / 1024).toFixed(0)} KiB gzipped)`,
      command: COMMAND,
    });
  }

  // Throughput: the same call and answer, with and without validation.
  const pmm = models.find((m) => m.api === "pmm" && m.version === "v3")!;
  const answer = path.join(root, "bench/.cache/list-nodes-100.json");
  mkdirSync(path.dirname(answer), { recursive: true });
  writeFileSync(answer, JSON.stringify(listNodesAnswer()));
  const server = await startJsonServer(path.join(root, "bench/tools"), answer);
  try {
    const { createClient } = await import(pathToFileURL(path.join(root, "generated/pmm/v3/index.js")).href);
    const plain = createClient({ baseUrl: server.origin, auth: { token: "bench-token" } });
    const strict = createClient({ baseUrl: server.origin, auth: { token: "bench-token" }, validate: "strict" });
    // A strict call that throws would measure the error path: the answer must follow the spec.
    await strict.nodes.listNodes();
    const rps = await compareThroughput(
      { unvalidated: () => plain.nodes.listNodes(), "validate: strict": () => strict.nodes.listNodes() },
      { concurrency: 16, seconds: 2, rounds: runs },
    );
    const figure = `7. Validation: PMM v3 nodes.listNodes, ${NODES}-node answer, 16 concurrent callers (${pmm.operations.length}-operation client)`;
    rows.push({ figure, tool: "unvalidated", value: `${Math.round(rps.unvalidated!)} req/s`, ratio: "1.00×", command: COMMAND });
    const throughputRatio = rps["validate: strict"]! / rps.unvalidated!;
    rows.push({
      figure,
      tool: 'validate: "strict"',
      value: `${Math.round(rps["validate: strict"]!)} req/s`,
      ratio: `${throughputRatio.toFixed(2)}×`,
      command: COMMAND,
    });
    return { rows, throughputRatio, generationRatio };
  } finally {
    server.stop();
  }
}

/** A PMM v3 ListNodes answer of generic nodes with every documented field, as the spec types them (int64 fields are strings). */
export function listNodesAnswer(): unknown {
  return {
    generic: Array.from({ length: NODES }, (_, i) => ({
      node_id: `node-${i}`,
      node_name: `db${i}.example.com`,
      address: `10.0.${Math.floor(i / 256)}.${i % 256}`,
      machine_id: `machine-${i}`,
      distro: "linux",
      node_model: "m5.large",
      region: "eu-west-1",
      az: "eu-west-1a",
      custom_labels: { environment: "production", team: "databases" },
      is_pmm_server_node: i === 0,
    })),
  };
}

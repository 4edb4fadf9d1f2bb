import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { median } from "./measure.js";

export interface CheckCost {
  checkSeconds: number;
  totalSeconds: number;
  instantiations: number;
  memoryMb: number;
}

/** A GET that needs no input (apart from a credential header). */
export interface ChosenOperation {
  /** Its path template. */
  path: string;
  /** Our generated method: `nodes.listNodes`. */
  ours: string;
}

/**
 * What a consumer of one API passes to tools that leave authentication to it: PEM declares its
 * token as a required `X-Auth-Token` header parameter, which our clients lift into `auth`.
 */
export interface ConsumerSettings {
  authHeaders?: Record<string, string>;
}

/** Consumers that call the same operations through each tool's output, one folder each. */
export function writeConsumers(
  dir: string,
  operations: ChosenOperation[],
  outputs: { ours: string; openapiTypescript: string; heyApi: string },
  settings: ConsumerSettings = {},
): Record<string, string> {
  const heyFunctions = heyGetFunctions(readFileSync(path.join(outputs.heyApi, "sdk.gen.ts"), "utf8"));
  const heyName = (operationPath: string) => {
    const name = heyFunctions.get(operationPath);
    if (!name) throw new Error(`Hey API output has no function for GET ${operationPath}`);
    return name;
  };
  const headers = settings.authHeaders ? JSON.stringify(settings.authHeaders) : undefined;
  const relative = (from: string, to: string) => path.relative(from, to).split(path.sep).join("/");
  const consumers: Record<string, string> = {
    ours: `import { createClient } from "${relative(path.join(dir, "ours"), outputs.ours)}/index.js";
const client = createClient({ baseUrl: "https://pmm.example.com", auth: { token: "t" } });
export async function run(): Promise<unknown[]> {
  return [
${operations.map((op) => `    await client.${op.ours}(),`).join("\n")}
  ];
}
`,
    "openapi-typescript": `import createClient from "openapi-fetch";
import type { paths } from "${relative(path.join(dir, "openapi-typescript"), outputs.openapiTypescript)}";
const client = createClient<paths>({ baseUrl: "https://pmm.example.com", headers: { Authorization: "Bearer t" } });
export async function run(): Promise<unknown[]> {
  return [
${operations.map((op) => `    (await client.GET(${JSON.stringify(op.path)}${headers ? `, { params: { header: ${headers} } }` : ""})).data,`).join("\n")}
  ];
}
`,
    "hey-api": `import { ${operations.map((op) => heyName(op.path)).join(", ")} } from "${relative(path.join(dir, "hey-api"), outputs.heyApi)}/sdk.gen";
export async function run(): Promise<unknown[]> {
  return [
${operations.map((op) => `    (await ${heyName(op.path)}(${headers ? `{ headers: ${headers} }` : ""})).data,`).join("\n")}
  ];
}
`,
  };
  const projects: Record<string, string> = {};
  for (const [tool, source] of Object.entries(consumers)) {
    const project = path.join(dir, tool);
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, "consumer.ts"), source);
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify(
        {
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: "ES2022",
            module: "ESNext",
            moduleResolution: "Bundler",
            lib: ["ES2022", "DOM", "DOM.Iterable"],
            types: [],
            skipLibCheck: false,
          },
          files: ["consumer.ts"],
        },
        null,
        2,
      ),
    );
    projects[tool] = project;
  }
  return projects;
}

/** Hey API's SDK functions for GET operations, by path: `export const getServer = … .get<…>({ url: '/server/', …`. */
function heyGetFunctions(sdk: string): Map<string, string> {
  const functions = new Map<string, string>();
  for (const declaration of sdk.split(/^export const /m).slice(1)) {
    const name = /^(\w+) = /.exec(declaration)?.[1];
    const get = /\)\.get<[\s\S]*?url: '([^']+)'/.exec(declaration);
    if (name && get) functions.set(get[1]!, name);
  }
  return functions;
}

/**
 * Each project's check cost with `tsc --extendedDiagnostics`: the median of `runs` after one
 * warm-up each, the projects taking turns in every round, so that a busy moment of the machine
 * falls on all of them alike rather than on whichever was measured then.
 */
export function typeCheckCosts(tsc: string, projects: Record<string, string>, runs: number, skipLibCheck: boolean): Record<string, CheckCost> {
  const once = (project: string): CheckCost => {
    const result = spawnSync(
      process.execPath,
      [tsc, "-p", path.join(project, "tsconfig.json"), "--extendedDiagnostics", "--skipLibCheck", String(skipLibCheck)],
      { encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`type-checking ${project} failed:\n${result.stdout.slice(0, 3000)}`);
    const figure = (label: string) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(result.stdout)?.[1] ?? NaN);
    return {
      checkSeconds: figure("Check time"),
      totalSeconds: figure("Total time"),
      instantiations: figure("Instantiations"),
      memoryMb: figure("Memory used") / 1024,
    };
  };
  const samples: Record<string, CheckCost[]> = Object.fromEntries(Object.keys(projects).map((tool) => [tool, []]));
  for (const project of Object.values(projects)) once(project);
  for (let round = 0; round < runs; round++) for (const [tool, project] of Object.entries(projects)) samples[tool]!.push(once(project));
  return Object.fromEntries(
    Object.entries(samples).map(([tool, costs]) => [
      tool,
      {
        checkSeconds: median(costs.map((s) => s.checkSeconds)),
        totalSeconds: median(costs.map((s) => s.totalSeconds)),
        instantiations: median(costs.map((s) => s.instantiations)),
        memoryMb: median(costs.map((s) => s.memoryMb)),
      },
    ]),
  );
}

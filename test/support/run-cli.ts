import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectPaths } from "../../generator/cli/project-paths.js";
import { type CliMain, runMain } from "../../generator/cli/run-cli.js";
import { ROOT } from "./paths.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliWorld {
  /** The command's working folder (default: the project root). */
  cwd?: string;
  /** Added to the environment. */
  env?: Record<string, string>;
  /** Another copy of the project to work on (default: this checkout). */
  root?: string;
}

/**
 * Runs one of the project's CLIs (`generate`, `import`, …) in this process, through the same
 * `runMain` a real process uses, and records what it prints.
 */
export async function runCli(name: string, args: string[], world: CliWorld = {}): Promise<CliResult> {
  const { main } = (await import(pathToFileURL(path.join(ROOT, "generator/cli", `${name}.ts`)).href)) as { main: CliMain };
  let stdout = "";
  let stderr = "";
  const code = await runMain(main, args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: world.cwd ?? ROOT,
    env: { ...process.env, ...world.env },
    project: projectPaths(world.root),
  });
  return { code, stdout, stderr };
}

/**
 * Runs a CLI as a real child process, as its package.json script does
 * (`node generator/launch.mjs <name>`), for the few tests about the process itself.
 */
export function runCliProcess(name: string, args: string[], world: CliWorld = {}): Promise<CliResult> {
  const root = world.root ?? ROOT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "generator/launch.mjs"), name, ...args], {
      cwd: world.cwd ?? root,
      env: { ...process.env, NO_COLOR: "1", ...world.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

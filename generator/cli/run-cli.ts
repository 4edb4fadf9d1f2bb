import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SpecError, UsageError } from "../errors.js";
import { type ProjectPaths, projectPaths } from "./project-paths.js";

/** Where a command writes: `process.stdout`/`process.stderr` in a real process, a recorder in tests. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything a command sees of the world besides the files it reads and writes. */
export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** Relative paths on the command line are relative to this folder. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The project whose specs/, templates/ and generated/ the command works on. */
  project: ProjectPaths;
}

/** A command: its arguments (without `node` and the script) and its world in, its exit code out. */
export type CliMain = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Runs a command to its exit code: bad input prints one paragraph and gives 1, usage errors
 * give 2, anything unexpected prints its stack and gives 1 (that is a bug worth reporting).
 */
export async function runMain(main: CliMain, argv: string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\nRun with --help for usage.\n`);
      return 2;
    }
    if (error instanceof SpecError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** The real process's world: its streams, working directory and environment, and the project's folders. */
function processIo(project: ProjectPaths): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, project };
}

/**
 * Runs `main` as the process when `moduleUrl` is the script node was started with, so each
 * CLI module is both a command (`node --import tsx generator/cli/generate.ts`) and a function
 * tests call in-process.
 */
export function runIfEntry(moduleUrl: string, main: CliMain): void {
  // Node's loader gives a module its real path, so a script started through a link compares by its target.
  if (scriptPath() === fileURLToPath(moduleUrl)) runAsProcess(main);
}

/** The real path of the script node was started with; none for `node -e` or the REPL. */
function scriptPath(): string | undefined {
  const script = process.argv[1];
  try {
    return script === undefined ? undefined : realpathSync(path.resolve(script));
  } catch {
    return undefined;
  }
}

/**
 * Runs `main` on the process's arguments and world, and sets its exit code. `project` is this
 * checkout's by default; generator/launch.mjs, which runs a compiled copy, names it.
 */
export function runAsProcess(main: CliMain, project: ProjectPaths = projectPaths()): void {
  // A reader that stops early (`npm run diff -- … | head`) closes the pipe: that ends the output, quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  void runMain(main, process.argv.slice(2), processIo(project)).then((code) => {
    process.exitCode = code;
  });
}

/** Wraps node:util parseArgs errors as usage errors. */
export function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

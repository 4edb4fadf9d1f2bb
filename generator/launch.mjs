// What the package.json scripts run: `node generator/launch.mjs <command> [arguments]`.
//
// It runs the command's module of generator/cli/ compiled to JavaScript, not through tsx: tsx's
// loader hooks cost every run about a second of CPU across the two threads (bench/PROFILE.md).
// generator/ and templates/runtime/ are compiled once per content, file by file (syntax only:
// `npm test` type-checks them), into node_modules/.cache/pem-pmm-generator/<hash>/, where their
// relative imports of each other still hold. The newest few trees are kept: a run beside may be
// using one.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const COMMANDS = ["generate", "import", "diff", "upgrade", "check-server"];
/** The folders compiled, each under its own name: generator/ imports some of templates/runtime/. */
const FOLDERS = ["generator", "templates/runtime"];

const root = path.resolve(import.meta.dirname, "..");
const command = process.argv[2];
if (!COMMANDS.includes(command)) {
  process.stderr.write(`generator/launch.mjs: no command "${command ?? ""}": the commands are ${COMMANDS.join(", ")}.\n`);
  process.exit(2);
}
const built = compiledTree();
const { runAsProcess } = await import(pathToFileURL(path.join(built, "generator/cli/run-cli.js")).href);
const { projectPaths } = await import(pathToFileURL(path.join(built, "generator/cli/project-paths.js")).href);
const { main } = await import(pathToFileURL(path.join(built, `generator/cli/${command}.js`)).href);
// This checkout's folders: the compiled modules sit in node_modules, which a copy of the project may share.
process.argv.splice(2, 1);
runAsProcess(main, projectPaths(root));

/** The compiled folders for the sources as they are now, compiled first if they were not yet. */
function compiledTree() {
  const sources = FOLDERS.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .map((name) => `${folder}/${name.split(path.sep).join("/")}`)
      .filter((name) => /\.(ts|mjs)$/.test(name) && !name.endsWith(".d.ts"))
      .sort(),
  );
  const require = createRequire(import.meta.url);
  const typescriptVersion = JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")).version;
  const hash = createHash("sha256").update(`typescript ${typescriptVersion}\0launch ${readFileSync(import.meta.filename)}`);
  const texts = new Map(sources.map((name) => [name, readFileSync(path.join(root, name), "utf8")]));
  for (const [name, text] of texts) hash.update(`\0${name}\0${text}`);
  const cache = path.join(root, "node_modules/.cache/pem-pmm-generator");
  const built = path.join(cache, hash.digest("hex").slice(0, 16));
  if (existsSync(built)) return built;
  // Written beside, then renamed into place: a run that stops halfway, or one beside it, leaves no half tree.
  const partial = `${built}.partial-${process.pid}`;
  const ts = require("typescript");
  for (const [name, text] of texts) {
    const js = name.endsWith(".ts")
      ? ts.transpileModule(text, {
          fileName: name,
          compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, isolatedModules: true, newLine: ts.NewLineKind.LineFeed },
        }).outputText
      : text;
    const file = path.join(partial, name.replace(/\.ts$/, ".js"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, js);
  }
  // Inside node_modules, a .js file is CommonJS unless a package.json beside it says otherwise.
  for (const folder of FOLDERS) writeFileSync(path.join(partial, folder, "package.json"), '{ "type": "module" }\n');
  removeAllButNewest(cache, 3);
  try {
    renameSync(partial, built);
  } catch (error) {
    // Another run put the same tree there first.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(built)) throw error;
  }
  return built;
}

/** Removes all but the `keep` most recently written entries of `folder`: older trees, and partial ones left by a run that stopped. */
function removeAllButNewest(folder, keep) {
  const entries = readdirSync(folder).map((name) => ({ name, written: statSync(path.join(folder, name)).mtimeMs }));
  for (const { name } of entries.sort((a, b) => b.written - a.written).slice(keep)) rmSync(path.join(folder, name), { recursive: true, force: true });
}

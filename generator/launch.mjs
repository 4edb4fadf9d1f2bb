// What the package.json scripts run: `node generator/launch.mjs <command> [arguments]`.
//
// It runs the command's module of generator/cli/ compiled to JavaScript, not through tsx: tsx's
// loader hooks cost every run about a second of CPU across the two threads (bench/PROFILE.md).
// generator/ and templates/runtime/ are compiled once per content, file by file (syntax only:
// `npm test` type-checks them), into node_modules/.cache/pem-pmm-generator/<hash>/, where their
// relative imports of each other still hold. A tree is removed once it has gone unused for a day.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
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
  const texts = new Map(sourceFiles().map((name) => [name, readFileSync(path.join(root, name), "utf8")]));
  const require = createRequire(import.meta.url);
  const typescriptVersion = JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")).version;
  // This file is one of generator/'s, so the hash covers how it compiles too.
  const hash = createHash("sha256").update(`typescript ${typescriptVersion}`);
  for (const [name, text] of texts) hash.update(`\0${name}\0${text}`);
  const cache = path.join(root, "node_modules/.cache/pem-pmm-generator");
  const built = path.join(cache, hash.digest("hex").slice(0, 16));
  if (!existsSync(built)) {
    // Written beside, then renamed into place: a run that stops halfway, or one beside it, leaves no half tree.
    const partial = path.join(cache, `.partial-${process.pid}-${Date.now()}`);
    writeCompiled(partial, texts, require("typescript"));
    try {
      renameSync(partial, built);
    } catch (error) {
      // Another run put the same tree there first.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(built)) throw error;
    }
  }
  // Its time says when it was last used, which is what pruning goes by.
  const now = new Date();
  utimesSync(built, now, now);
  pruneTrees(cache, built);
  return built;
}

/**
 * Every file of FOLDERS by its path from the root, as the input record reads them (dotfiles,
 * such as an editor's lock files, and backups ending in `~` aside: input-stamp.ts's rule).
 */
function sourceFiles() {
  return FOLDERS.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter((name) => !name.split("/").some((part) => part.startsWith(".")) && !name.endsWith("~")),
  ).sort();
}

/** The sources compiled into `folder`: each .ts file to ES2022 JavaScript beside its name, every other file as it is. */
function writeCompiled(folder, texts, ts) {
  const { ES2022 } = ts.ScriptTarget;
  const compilerOptions = { target: ES2022, module: ts.ModuleKind.ES2022, isolatedModules: true, newLine: ts.NewLineKind.LineFeed };
  for (const [name, text] of texts) {
    const compiled = name.endsWith(".ts") && !name.endsWith(".d.ts");
    const file = path.join(folder, compiled ? name.replace(/\.ts$/, ".js") : name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, compiled ? ts.transpileModule(text, { fileName: name, compilerOptions }).outputText : text);
  }
  // Inside node_modules, a .js file is CommonJS unless a package.json beside it says otherwise.
  for (const source of FOLDERS) writeFileSync(path.join(folder, source, "package.json"), '{ "type": "module" }\n');
}

/**
 * Removes the trees not used for a day (but the newest three, and `inUse`), and partial ones an
 * hour old, which a run that stopped left (and any it was deleting). Each goes out of sight by a
 * rename before it is deleted, so no run finds half of one; a run beside that removes it first
 * is no failure.
 */
function pruneTrees(cache, inUse) {
  const DAY = 24 * 3600 * 1000;
  const HOUR = 3600 * 1000;
  const entries = readdirSync(cache).flatMap((name) => {
    try {
      return [{ name, used: statSync(path.join(cache, name)).mtimeMs }];
    } catch {
      return [];
    }
  });
  const trees = entries.filter(({ name }) => /^[0-9a-f]{16}$/.test(name)).sort((a, b) => b.used - a.used);
  const stale = [
    ...trees.slice(3).filter(({ name, used }) => name !== path.basename(inUse) && Date.now() - used > DAY),
    ...entries.filter(({ name, used }) => /^\.(partial|trash)-/.test(name) && Date.now() - used > HOUR),
  ];
  for (const { name } of stale) {
    const trash = path.join(cache, `.trash-${process.pid}-${name}`);
    try {
      renameSync(path.join(cache, name), trash);
    } catch {
      continue;
    }
    rmSync(trash, { recursive: true, force: true });
  }
}

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ProjectPaths } from "../cli/project-paths.js";
import { TEMPLATE_FOLDERS } from "../emit/template-folders.js";
import { type FileTree, listFiles, modeDifference } from "./file-tree.js";

/*
 * What generated/ was made from, recorded in it: a content hash of every input (the specs, the
 * templates, the generator's own code, the installed versions of its dependencies) and of every
 * file written. With the same inputs and the files as written, `npm run generate` has nothing to
 * do; with one spec changed, the other versions' files are taken over as they are.
 */

/** The record's name in generated/; packed into no tarball (see NPM_IGNORE). */
export const STAMP_FILE = ".inputs.json";
/** generated/.npmignore: the record is about this repository, not part of the package. */
export const NPM_IGNORE = { name: ".npmignore", content: `${STAMP_FILE}\n` };

/** The hashes of a project's inputs: all of them, and per folder of generated/ that is made from its own. */
export interface InputHashes {
  /** The hash of every input. */
  inputs: string;
  /**
   * Per folder (`pmm/v3`, `runtime`, `testing`): the hash of what its files are made from. A
   * version's covers its spec and api.yaml besides what every folder shares (templates/,
   * generator/, package.json, the installed dependencies); a template folder's, that alone.
   */
  folders: Record<string, string>;
}

export interface InputStamp extends InputHashes {
  /** Every other file of generated/ → the SHA-256 of its content. */
  files: Record<string, string>;
}

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/**
 * Hashes what generation reads: every file of specs/, templates/ and generator/ (by relative
 * path and content; dotfiles and editor backups aside), package.json, and every package its
 * `dependencies` bring in as installed (see installedPackages). Each file is read once.
 */
export async function hashInputs(project: ProjectPaths, versions: readonly { api: string; version: string; file: string }[]): Promise<InputHashes> {
  const { root, specsDir, templatesDir } = project;
  const manifest = await readFile(path.join(root, "package.json"), "utf8");
  const declared = JSON.parse(manifest) as { dependencies?: Record<string, string> };
  const sharedInputs = [
    ...(await fileDigests(root, templatesDir)),
    ...(await fileDigests(root, path.join(root, "generator"))),
    `package.json\0${sha256(manifest)}`,
    await installedPackages(root, Object.keys(declared.dependencies ?? {})),
  ];
  const shared = sha256(sharedInputs.join("\0"));
  const specs = new Map((await fileDigests(root, specsDir)).map((entry) => [entry.slice(0, entry.indexOf("\0")), entry]));
  const folders: Record<string, string> = Object.fromEntries(TEMPLATE_FOLDERS.map((folder) => [folder, shared]));
  for (const { api, version, file } of versions) {
    const own = [relativeName(root, file), relativeName(root, path.join(specsDir, api, "api.yaml"))].map((name) => specs.get(name) ?? name);
    folders[`${api}/${version}`] = sha256([shared, ...own].join("\0"));
  }
  return { inputs: sha256([shared, ...specs.values()].join("\0")), folders };
}

const relativeName = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

/** A dotfile (`.DS_Store`, `.x.swp`) or an editor's backup (`x.ts~`): in no one's checkout but the editor's. */
const isLocalClutter = (name: string) => name.split("/").some((part) => part.startsWith(".")) || name.endsWith("~");

/** `relative/name\0sha256` of each file under `dir`, sorted by name. */
async function fileDigests(root: string, dir: string): Promise<string[]> {
  const names = (await listFiles(dir)).filter((file) => !isLocalClutter(file)).sort();
  return Promise.all(names.map(async (name) => `${relativeName(root, path.join(dir, name))}\0${sha256(await readFile(path.join(dir, name)))}`));
}

/**
 * `name@version integrity` of every installed package the runtime dependencies need,
 * transitively (ts-morph's bundled compiler, openapi-typescript's helpers), from npm's record of
 * node_modules (`node_modules/.package-lock.json`), resolved as Node resolves them. Without that
 * record (another package manager) the direct dependencies' own versions stand in.
 */
async function installedPackages(root: string, dependencies: readonly string[]): Promise<string> {
  type Installed = { version?: string; integrity?: string; dependencies?: Record<string, string> };
  const text = await readFile(path.join(root, "node_modules", ".package-lock.json"), "utf8").catch(() => undefined);
  const packages = text === undefined ? undefined : (JSON.parse(text) as { packages?: Record<string, Installed> }).packages;
  if (!packages) {
    const versions = await Promise.all(dependencies.map(async (name) => `${name}@${await manifestVersion(root, name)}`));
    return versions.sort().join("\0");
  }
  // From the folder that needs `name`, outwards, as Node looks for it.
  const locate = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = dir.includes("/node_modules/") ? dir.slice(0, dir.lastIndexOf("/node_modules/")) : "") {
      const location = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (packages[location]) return location;
      if (!dir) return undefined;
    }
  };
  const found = new Set<string>();
  const visit = (from: string, names: readonly string[]) => {
    for (const name of names) {
      const location = locate(from, name);
      if (!location || found.has(location)) continue;
      found.add(location);
      // Optional dependencies are left out: they are the platform's binaries (esbuild's), which differ by machine, not output.
      visit(location, Object.keys(packages[location]!.dependencies ?? {}));
    }
  };
  visit("", dependencies);
  return [...found]
    .sort()
    .map((location) => `${location}@${packages[location]!.version ?? ""} ${packages[location]!.integrity ?? ""}`)
    .join("\0");
}

async function manifestVersion(root: string, name: string): Promise<string> {
  const manifest = await readFile(path.join(root, "node_modules", name, "package.json"), "utf8").catch(() => undefined);
  return manifest === undefined ? "missing" : String((JSON.parse(manifest) as { version?: unknown }).version);
}

/** The record for `files` made from `hashes`, as generated/ stores it (keys sorted: the same inputs give the same bytes). */
export function stampText(hashes: InputHashes, files: FileTree): string {
  const hashed = [...files].filter(([name]) => name !== STAMP_FILE).map(([name, content]) => [name, sha256(content)]);
  const stamp: InputStamp = { inputs: hashes.inputs, folders: sortedRecord(hashes.folders), files: sortedRecord(Object.fromEntries(hashed)) };
  return `${JSON.stringify(stamp, null, 2)}\n`;
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** generated/'s record, or undefined when there is none or it is not one (it is then ignored: everything is generated). */
export async function readStamp(dir: string): Promise<InputStamp | undefined> {
  const text = await readFile(path.join(dir, STAMP_FILE), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<InputStamp>;
    const isRecord = (value: unknown) => value !== null && typeof value === "object" && Object.values(value).every((v) => typeof v === "string");
    return typeof parsed.inputs === "string" && isRecord(parsed.folders) && isRecord(parsed.files) ? (parsed as InputStamp) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files of `dir` that are not as the record says, in diffTree's words: changed (content or
 * execute bit), missing, or not recorded. `found` holds the content of each file that is.
 */
export async function verifyAgainstStamp(dir: string, stamp: InputStamp): Promise<{ differences: string[]; found: FileTree }> {
  const onDisk = new Set((await listFiles(dir)).filter((name) => name !== STAMP_FILE));
  const differences: string[] = [];
  const found: FileTree = new Map();
  for (const [name, hash] of Object.entries(stamp.files)) {
    if (!onDisk.delete(name)) {
      differences.push(`${name} (missing)`);
      continue;
    }
    const content = await readFile(path.join(dir, name), "utf8");
    const mode = sha256(content) === hash ? await modeDifference(path.join(dir, name), content) : "out of date";
    if (mode) differences.push(`${name} (${mode})`);
    else found.set(name, content);
  }
  for (const name of onDisk) differences.push(`${name} (not produced by the specs)`);
  return { differences: differences.sort(), found };
}

/** The folders whose inputs are as recorded, each with its files as verified on disk (all of them, or it is emitted again). */
export function unchangedFolders(stamp: InputStamp, hashes: InputHashes, found: FileTree): Map<string, FileTree> {
  const unchanged = new Map<string, FileTree>();
  for (const [folder, hash] of Object.entries(hashes.folders)) {
    if (stamp.folders[folder] !== hash) continue;
    const prefix = `${folder}/`;
    const recorded = Object.keys(stamp.files).filter((name) => name.startsWith(prefix));
    if (recorded.length === 0 || !recorded.every((name) => found.has(name))) continue;
    unchanged.set(folder, new Map(recorded.map((name) => [name.slice(prefix.length), found.get(name)!])));
  }
  return unchanged;
}

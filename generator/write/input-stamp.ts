import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ProjectPaths } from "../cli/project-paths.js";
import { type FileTree, listFiles, modeOf } from "./file-tree.js";

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

export interface InputStamp {
  /** The hash of every input. */
  inputs: string;
  /** The hash of the inputs every version shares (templates/, generator/, package.json, dependencies). */
  shared: string;
  /** Per version (`pmm/v3`): the hash of what its own files are made from. */
  versions: Record<string, string>;
  /** Every other file of generated/ → the SHA-256 of its content. */
  files: Record<string, string>;
}

/** The hashes of a project's inputs: all of them, and per version. */
export interface InputHashes {
  inputs: string;
  shared: string;
  versions: Record<string, string>;
}

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/**
 * Hashes what generation reads: every file of specs/, templates/ and generator/ (by relative
 * path and content; dotfiles and editor backups aside), package.json, and every package its
 * `dependencies` bring in as installed (see installedPackages). A version's own hash covers the
 * shared inputs, its spec and its API's api.yaml.
 */
export async function hashInputs(project: ProjectPaths, versions: readonly { api: string; version: string; file: string }[]): Promise<InputHashes> {
  const { root, specsDir, templatesDir } = project;
  const shared = createHash("sha256");
  for (const dir of [templatesDir, path.join(root, "generator")]) await addFolder(shared, root, dir);
  const manifest = await readFile(path.join(root, "package.json"), "utf8");
  shared.update(`package.json\0${manifest}\0`);
  const declared = JSON.parse(manifest) as { dependencies?: Record<string, string> };
  shared.update(await installedPackages(root, Object.keys(declared.dependencies ?? {})));
  const sharedHash = shared.digest("hex");
  const all = createHash("sha256").update(sharedHash);
  await addFolder(all, root, specsDir);
  const perVersion: Record<string, string> = {};
  for (const { api, version, file } of versions) {
    const config = await readFile(path.join(specsDir, api, "api.yaml"), "utf8").catch(() => "");
    const relative = path.relative(root, file).split(path.sep).join("/");
    perVersion[`${api}/${version}`] = sha256(`${sharedHash}\0${relative}\0${await readFile(file, "utf8")}\0${config}`);
  }
  return { inputs: all.digest("hex"), shared: sharedHash, versions: perVersion };
}

/** A dotfile (`.DS_Store`, `.x.swp`) or an editor's backup (`x.ts~`): in no one's checkout but the editor's. */
const isLocalClutter = (name: string) => name.split("/").some((part) => part.startsWith(".")) || name.endsWith("~");

async function addFolder(hash: ReturnType<typeof createHash>, root: string, dir: string): Promise<void> {
  for (const name of (await listFiles(dir)).filter((file) => !isLocalClutter(file)).sort()) {
    hash.update(`${path.relative(root, path.join(dir, name)).split(path.sep).join("/")}\0`);
    hash.update(await readFile(path.join(dir, name)));
    hash.update("\0");
  }
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
  const stamp: InputStamp = {
    inputs: hashes.inputs,
    shared: hashes.shared,
    versions: sortedRecord(hashes.versions),
    files: sortedRecord(Object.fromEntries(hashed)),
  };
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
    const hashes = typeof parsed.inputs === "string" && typeof parsed.shared === "string";
    return hashes && isRecord(parsed.versions) && isRecord(parsed.files) ? (parsed as InputStamp) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files of `dir` that are not as the record says, in diffTree's words: changed (content or
 * execute bit), missing, or not recorded. Each file's content is `found` for the ones that are.
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
    const executable = ((await stat(path.join(dir, name))).mode & 0o100) !== 0;
    if (sha256(content) !== hash) differences.push(`${name} (out of date)`);
    else if (executable !== ((modeOf(content) & 0o100) !== 0)) differences.push(`${name} (${executable ? "executable" : "not executable"})`);
    else found.set(name, content);
  }
  for (const name of onDisk) differences.push(`${name} (not produced by the specs)`);
  return { differences: differences.sort(), found };
}

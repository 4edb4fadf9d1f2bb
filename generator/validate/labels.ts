import { UsageError } from "../errors.js";

/**
 * `--api` and `--version` are written into generated code and comments, so they are held to
 * identifiers joined by dots or dashes (`pem`, `v10`, `v3.8`, `v3-1`): nothing that could
 * end a comment, a string or a line.
 */
const LABEL = /^[A-Za-z][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*$/;

/**
 * A version label, the same for every command (specs:import, generate, diff, upgrade,
 * check-server) and for the file names in specs/<api>/: a label in lower case, since it is also a
 * package subpath (`pem-pmm-client/pmm/v3.1`) and a file name on case-insensitive disks.
 */
const VERSION_LABEL = /^[a-z][a-z0-9_]*(?:[.-][a-z0-9_]+)*$/;

/** The version rule as error messages state it. */
export const VERSION_RULE = "lower-case letters, digits and _, starting with a letter, with . or - between them (for example v11 or v3.1)";

/**
 * Versions in an API's release order: `v` and numbers joined by dots or dashes (`v10`, `v3.1`,
 * `v3-1`). Others, like PEM's `token`, stand apart: no changelog or migration compares them.
 */
const RELEASE_VERSION = /^v\d+(?:[.-]\d+)*$/;

export function checkLabel(flag: string, value: string): void {
  if (!LABEL.test(value)) {
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not a valid label: use letters, digits and _, starting with a letter, with . or - between them (for example v10 or v3.8).`,
    );
  }
}

export function isVersionLabel(value: string): boolean {
  return VERSION_LABEL.test(value);
}

export function checkVersionLabel(flag: string, value: string | undefined): asserts value is string {
  if (value === undefined) throw new UsageError(`${flag} <v> is required: ${VERSION_RULE}.`);
  if (!isVersionLabel(value)) throw new UsageError(`${flag} ${JSON.stringify(value)} is not a version label: use ${VERSION_RULE}.`);
}

export function isReleaseVersion(label: string): boolean {
  return RELEASE_VERSION.test(label);
}

/**
 * The version order: release versions by their numbers, part by part (`v3` < `v3.1` < `v3.10` <
 * `v10`), after other labels, which sort as text with digit runs compared as numbers.
 */
export function compareVersionLabels(a: string, b: string): number {
  const [releaseA, releaseB] = [isReleaseVersion(a), isReleaseVersion(b)];
  if (releaseA !== releaseB) return releaseA ? 1 : -1;
  if (!releaseA) return a.localeCompare(b, "en", { numeric: true });
  const [partsA, partsB] = [a, b].map((label) => label.slice(1).split(/[.-]/).map(Number)) as [number[], number[]];
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    // A missing part is below any given one: v3 before v3.0.
    const difference = (partsA[i] ?? -1) - (partsB[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The accepted name closest to a mistyped one (`timeout` → `timeoutMs`, `tokn` → `token`), as
 * a sentence to append to an error, or "" when none is close enough to be a likely typo.
 */
export function didYouMean(given: string, accepted: readonly string[]): string {
  const lower = given.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of accepted) {
    const candidate = name.toLowerCase();
    // A prefix either way (`timeout` of `timeoutMs`) is as likely a slip as one wrong letter.
    const distance = candidate.startsWith(lower) || lower.startsWith(candidate) ? 1 : editDistance(lower, candidate);
    if (distance <= Math.max(1, Math.floor(name.length / 3)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best ? ` Did you mean ${JSON.stringify(best.name)}?` : "";
}

/** Levenshtein distance, with a swap of two neighbours counted as one edit (`tokne` → `token`). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = distance;
    }
  }
  return rows[a.length]![b.length]!;
}

/** `a, b or c`: names as an error lists them. */
export function nameList(names: readonly string[], last = "or"): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} ${last} ${quoted.at(-1)}`;
}

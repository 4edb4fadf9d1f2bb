/*
 * Word-level normalisation shared by the successor signals: names and paths are compared as
 * sets of lower-case singular words, so `Nodes/List`, `listNodes` and `GET /nodes` meet.
 */

/** `ListPITRTimeranges` → list, pitr, timerange; `pitr-timeranges` → pitr, timerange. */
export function words(text: string): string[] {
  return (text.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((w) => singular(w.toLowerCase()));
}

/** Lower-case letters and digits only: `mysqld_exporter` and `MySQLdExporter` both give `mysqldexporter`. */
export function squashed(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Enough of English plurals for API nouns: nodes, services, entries, statuses. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ss|sh|ch|x|us)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A method name without the `Mixin<N>` suffix grpc-gateway adds to operationIds shared by services. */
export function baseName(name: string): string {
  return name.replace(/Mixin\d+$/i, "");
}

/** |a ∩ b| / |a ∪ b|; undefined when both are empty, since then the sets say nothing. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number | undefined {
  if (a.size === 0 && b.size === 0) return undefined;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** Dice coefficient over character pairs: tolerant of word splits that differ (`MySQLd` vs `mysqld`). */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const pairs = (s: string) => {
    const counts = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) counts.set(s.slice(i, i + 2), (counts.get(s.slice(i, i + 2)) ?? 0) + 1);
    return counts;
  };
  const [pa, pb] = [pairs(a), pairs(b)];
  let common = 0;
  for (const [pair, n] of pa) common += Math.min(n, pb.get(pair) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? 0 : (2 * common) / total;
}

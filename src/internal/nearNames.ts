/** Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) rows.push([i]);
  for (let j = 1; j <= y.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= x.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[x.length] as number[])[y.length] as number;
}

/** A name without a byte-order mark or surrounding spaces, as people mean it. */
const bare = (name: string): string => name.replace(/^\uFEFF/, '').trim();

/**
 * The candidates a misspelled name was probably meant to be, closest first: the same name in
 * another case, with a byte-order mark or spaces, or within a few edits (about one in three
 * characters). At most three; none when nothing is close. Names are compared only up to 100
 * characters, so a hostile name costs little.
 */
export function nearNames(name: string, candidates: Iterable<string>): string[] {
  const target = bare(name).slice(0, 100);
  const limit = Math.max(1, Math.floor(target.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    const other = bare(candidate).slice(0, 100);
    const score = other.toLowerCase() === target.toLowerCase() ? 0 : Math.abs(other.length - target.length) > limit ? Infinity : distance(other, target);
    if (score <= limit) scored.push({ candidate, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((entry) => entry.candidate);
}

/** `" (did you mean 'nps'?)"`, or nothing when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearNames(name, candidates);
  return near.length === 0 ? '' : ` (did you mean ${near.map((candidate) => JSON.stringify(bare(candidate))).join(' or ')}?)`;
}

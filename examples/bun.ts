// cx-metrics under Bun: NPS overall and by channel from the bundled sample export
// (examples/data/responses.csv), with its interval and every row accounted for. Run from a clone
// with `bun examples/bun.ts` (after `npm ci && npm run build`), or copy it beside your own
// export. It exits non-zero when a number does not add up, so CI runs it too (npm run smoke).
import { computeNPS, ingest, type Interval, scales, segmentBy } from 'cx-metrics';

// The one part of Bun's API used here, so that the repository type-checks without @types/bun.
declare const Bun: { file(path: string | URL): { text(): Promise<string> } };

const file = new URL('./data/responses.csv', import.meta.url);
// The sample has no quoted cells, so splitting lines is a faithful CSV reader here.
const cells = (await Bun.file(file).text())
  .trim()
  .split('\n')
  .map((line) => line.split(','));
const nps = ingest(cells, { scale: scales.nps, score: 'nps', respondentId: 'response_id', submittedAt: 'submitted_at', channel: 'channel' }, { columns: 'first-row' });
const overall = computeNPS(nps.records);
const byChannel = segmentBy(nps.records, 'channel');

const problems: string[] = [];
/** Notes a broken invariant; the script fails at the end if there is any. */
function expect(holds: boolean, invariant: string): void {
  if (!holds) problems.push(invariant);
}
const inside = (score: number, ci: Interval): boolean => ci.lower <= score && score <= ci.upper;

const fixed = (value: number): string => value.toFixed(1).replace(/^-(0\.0)$/, '$1'); // no "-0.0" on screen
const row = (name: string, n: number, score: number | undefined, ci: Interval | undefined): string =>
  `${name.padEnd(8)}${String(n).padStart(5)}${(score === undefined ? '–' : fixed(score)).padStart(8)}   ${ci === undefined ? '' : `[${fixed(ci.lower)}, ${fixed(ci.upper)}]`}`;

console.log(`NPS of ${nps.total} responses in examples/data/responses.csv`);
console.log(`${'channel'.padEnd(8)}${'n'.padStart(5)}${'NPS'.padStart(8)}   95% CI (${overall.ci?.method ?? 'none'})`);
for (const segment of byChannel.segments) {
  const { result } = segment;
  console.log(row(String(segment.key[0]), segment.n, result?.score, result?.ci));
  if (result?.score !== undefined) expect(inside(result.score, result.ci), `${String(segment.key[0])}: the NPS lies in its interval`);
}
console.log(row('all', overall.n, overall.score, overall.ci));
const { skipped, invalid } = overall.responses;
console.log(`${nps.total} rows: ${overall.n} scored, ${skipped} skipped (no answer), ${nps.rejected} rejected (${Object.keys(nps.issueCounts).join(', ') || 'none'})`);

expect(overall.score !== undefined && inside(overall.score, overall.ci), 'the NPS lies in its interval');
expect(overall.n + skipped + invalid + nps.rejected + nps.excluded === nps.total, 'n + skipped + rejected accounts for every row');
expect(nps.total === cells.length - 1, 'every data line of the file is a row');
expect(byChannel.segments.reduce((sum, segment) => sum + segment.n, 0) === overall.n, "the channels' n add up to the overall n");
if (problems.length > 0) {
  console.error(`bun.ts: ${problems.length} invariant${problems.length === 1 ? '' : 's'} broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

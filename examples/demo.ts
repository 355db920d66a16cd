// The library's main job on the bundled sample (examples/data/responses.csv, made by
// scripts/generate-sample.ts): NPS, CSAT and CES with their intervals, every answer accounted
// for. Run with `npm run demo`.
import { readFileSync } from 'node:fs';
import { computeCES, computeCSAT, computeNPS, type ConfidenceInterval, type ResponseAccounting, roundShares, scales, segmentBy, trend } from 'cx-metrics';

type Row = Readonly<Record<string, string>>;

/** The sample has no quoted fields, so a split per line is a faithful CSV reader here. */
function readCSV(path: URL): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, index) => [columns[index], cell])));
}

/** An empty cell is a skipped answer; a cell that is not a number stays as it is, to be reported. */
const answer =
  (column: string) =>
  (row: Row): number | string | null => {
    const cell = row[column] ?? '';
    if (cell === '') return null;
    return Number.isNaN(Number(cell)) ? cell : Number(cell);
  };

const rows = readCSV(new URL('./data/responses.csv', import.meta.url));
// onInvalid 'exclude': broken answers are left out of the score, and counted and shown below.
const nps = computeNPS(rows, { value: answer('nps'), onInvalid: 'exclude' });
const csat = computeCSAT(rows, { value: answer('csat'), scale: scales.csat5, onInvalid: 'exclude' });
const ces = computeCES(rows, { value: answer('ces'), scale: scales.ces7, onInvalid: 'exclude' });

const fixed = (value: number, digits = 1): string => {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text; // no "-0.0" on screen
};
const interval = (ci: ConfidenceInterval, digits = 1): string => `[${fixed(ci.lower, digits)}, ${fixed(ci.upper, digits)}]`;
const accounting = ({ total, answered, skipped, invalid }: ResponseAccounting): string => `${total} in: ${answered} scored, ${skipped} skipped, ${invalid} invalid`;

console.log(`cx-metrics demo: ${rows.length} survey responses from examples/data/responses.csv\n`);
if (nps.score !== undefined) {
  const [detractors, passives, promoters] = roundShares([nps.detractors.weight, nps.passives.weight, nps.promoters.weight]);
  console.log(`NPS   ${fixed(nps.score).padStart(6)} points   95% CI ${interval(nps.ci)} (${nps.ci.method})`);
  console.log(`      promoters ${promoters}%, passives ${passives}%, detractors ${detractors}%   (${accounting(nps.responses)})`);
}
if (csat.score !== undefined) {
  console.log(`CSAT  ${fixed(csat.score).padStart(6)} %        95% CI ${interval(csat.ci)} (${csat.ci.method}); mean ${fixed(csat.mean.value, 2)} of 5`);
  console.log(`      satisfied = ${csat.satisfied.min}–${csat.satisfied.max} (top-2-box)   (${accounting(csat.responses)})`);
}
if (ces.score !== undefined) {
  console.log(`CES   ${fixed(ces.score, 2).padStart(6)} of 7     95% CI ${interval(ces.ci, 2)} (${ces.ci.method}, CES 2.0: higher is easier)`);
  console.log(`      easy ${fixed(ces.easy.percent)}% ${interval(ces.easy.ci)}, difficult ${fixed(ces.difficult.percent)}% ${interval(ces.difficult.ci)}, net easy ${fixed(ces.netEasy.score)}   (${accounting(ces.responses)})`);
}
// Where, and when: NPS by channel (each against the rest, Holm-adjusted) and by month.
const npsAnswer = answer('nps');
const byChannel = segmentBy(rows, 'channel', { scale: scales.nps, value: npsAnswer, onInvalid: 'exclude' });
console.log('\nNPS by channel (vs the rest of the table; p adjusted by Holm over the table)');
for (const segment of byChannel.segments) {
  const { result, comparison } = segment;
  if (result?.score === undefined || comparison === undefined) continue;
  const verdict = comparison.adjustedPValue < 0.05 ? 'different' : 'no clear difference';
  console.log(`  ${String(segment.key[0]).padEnd(6)} n=${String(segment.n).padStart(3)}  ${fixed(result.score).padStart(6)} ${interval(result.ci)}  Δ vs rest ${fixed(comparison.difference).padStart(6)}, p=${comparison.adjustedPValue.toFixed(3)} (${verdict})`);
}
const monthly = trend(rows, { scale: scales.nps, value: npsAnswer, time: (row: Row) => row['submitted_at'], unit: 'month', onInvalid: 'exclude' });
console.log('\nNPS by month (change from the month before, adjusted-Wald z test)');
for (const bucket of monthly.buckets) {
  const change = bucket.change?.difference === undefined ? '' : `  change ${fixed(bucket.change.difference).padStart(6)}, p=${bucket.change.pValue.toFixed(3)}`;
  console.log(`  ${bucket.label}  n=${String(bucket.n).padStart(3)}  ${bucket.result.score === undefined ? '   –' : fixed(bucket.result.score).padStart(6)}${change}`);
}

const invalid = [...nps.invalidAnswers.map((a) => ['nps', a] as const), ...csat.invalidAnswers.map((a) => ['csat', a] as const)];
if (invalid.length > 0) {
  console.log('\nRefused answers (reported, never silently dropped):');
  for (const [column, { index, code, received }] of invalid) console.log(`  row ${index + 2} (${rows[index]?.['response_id']}), ${column}: ${received} (${code})`);
}

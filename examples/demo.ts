// The library's main job on the bundled sample (examples/data/responses.csv, made by
// scripts/generate-sample.ts): rows of an export become records, every row accounted for, and
// NPS, CSAT and CES come out with their intervals, by channel and by month; then the loyalty risk
// of accounts from their NPS and CES histories. Run with `npm run demo`.
import { readFileSync } from 'node:fs';
import { classifyLoyaltyRisk, computeCES, computeCSAT, computeNPS, evaluateRiskTiers, type IngestResult, ingest, type Interval, roundShares, type Scale, scales, segmentBy, trend } from 'cx-metrics';

// The sample has no quoted cells, so splitting lines is a faithful CSV reader here.
const cells = readFileSync(new URL('./data/responses.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(','));

/** One metric's column of the export as records: the header row names the columns. */
function read<S extends Scale>(scale: S, column: string): IngestResult<S> {
  return ingest(cells, { scale, score: column, respondentId: 'response_id', customerId: 'customer_id', submittedAt: 'submitted_at', channel: 'channel' }, { columns: 'first-row' });
}
const nps = read(scales.nps, 'nps');
const csat = read(scales.csat5, 'csat');
const ces = read(scales.ces7, 'ces');

const fixed = (value: number, digits = 1): string => {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text; // no "-0.0" on screen
};
const interval = (ci: Interval, digits = 1): string => `[${fixed(ci.lower, digits)}, ${fixed(ci.upper, digits)}]`;
const accounting = (result: IngestResult, skipped: number, scored: number): string => `${result.total} rows: ${scored} scored, ${skipped} skipped, ${result.rejected} rejected`;

console.log(`cx-metrics demo: ${nps.total} survey responses from examples/data/responses.csv\n`);
const npsResult = computeNPS(nps.records);
if (npsResult.score !== undefined) {
  const [detractors, passives, promoters] = roundShares([npsResult.detractors.weight, npsResult.passives.weight, npsResult.promoters.weight]);
  console.log(`NPS   ${fixed(npsResult.score).padStart(6)} points   95% CI ${interval(npsResult.ci)} (${npsResult.ci.method})`);
  console.log(`      promoters ${promoters}%, passives ${passives}%, detractors ${detractors}%   (${accounting(nps, npsResult.responses.skipped, npsResult.n)})`);
}
const csatResult = computeCSAT(csat.records);
if (csatResult.score !== undefined) {
  console.log(`CSAT  ${fixed(csatResult.score).padStart(6)} %        95% CI ${interval(csatResult.ci)} (${csatResult.ci.method}); mean ${fixed(csatResult.mean.value, 2)} of 5`);
  console.log(`      satisfied = ${csatResult.satisfied.min}–${csatResult.satisfied.max} (top-2-box)   (${accounting(csat, csatResult.responses.skipped, csatResult.n)})`);
}
const cesResult = computeCES(ces.records);
if (cesResult.score !== undefined) {
  console.log(`CES   ${fixed(cesResult.score, 2).padStart(6)} of 7     95% CI ${interval(cesResult.ci, 2)} (${cesResult.ci.method}, CES 2.0: higher is easier)`);
  console.log(
    `      easy ${fixed(cesResult.easy.percent)}% ${interval(cesResult.easy.ci)}, difficult ${fixed(cesResult.difficult.percent)}% ${interval(cesResult.difficult.ci)}, net easy ${fixed(cesResult.netEasy.score)}   (${accounting(ces, cesResult.responses.skipped, cesResult.n)})`,
  );
}

// Where, and when: NPS by channel (each against the rest, Holm-adjusted) and by month.
const byChannel = segmentBy(nps.records, 'channel');
console.log('\nNPS by channel (vs the rest of the table; p adjusted by Holm over the table)');
for (const segment of byChannel.segments) {
  const { result, comparison } = segment;
  if (result?.score === undefined || comparison === undefined) continue;
  const verdict = comparison.adjustedPValue < 0.05 ? 'different' : 'no clear difference';
  console.log(`  ${String(segment.key[0]).padEnd(6)} n=${String(segment.n).padStart(3)}  ${fixed(result.score).padStart(6)} ${interval(result.ci)}  Δ vs rest ${fixed(comparison.difference).padStart(6)}, p=${comparison.adjustedPValue.toFixed(3)} (${verdict})`);
}
const monthly = trend(nps.records, { unit: 'month', timeZone: 'Europe/Berlin' });
console.log('\nNPS by month in Berlin (change from the month before, adjusted-Wald z test)');
for (const bucket of monthly.buckets) {
  const change = bucket.change?.difference === undefined ? '' : `  change ${fixed(bucket.change.difference).padStart(6)}, p=${bucket.change.pValue.toFixed(3)}`;
  console.log(`  ${bucket.label}  n=${String(bucket.n).padStart(3)}  ${bucket.result.score === undefined ? '   –' : fixed(bucket.result.score).padStart(6)}${change}`);
}

const rejected = [...nps.rejectedRows, ...csat.rejectedRows, ...ces.rejectedRows].sort((a, b) => a.row - b.row);
if (rejected.length > 0) {
  console.log('\nRejected rows (reported, never silently dropped):');
  for (const { row, issues } of rejected) {
    for (const issue of issues) console.log(`  line ${row + 1} (${cells[row]?.[0]}), ${issue.column}: ${issue.received} (${issue.code})`);
  }
}

// Loyalty risk: transactional CES read together with relational NPS, per account
// (examples/data/relationship.csv and interactions.csv), checked against who churned afterwards.
const table = (file: string): string[][] =>
  readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
const relationship = ingest(table('relationship.csv'), { scale: scales.nps, score: 'nps', respondentId: 'contact_id', customerId: 'customer_id', submittedAt: 'submitted_at', attributes: ['plan'] }, { columns: 'first-row' });
const interactions = ingest(table('interactions.csv'), { scale: scales.ces7, score: 'ces', respondentId: 'contact_id', customerId: 'customer_id', interactionId: 'ticket_id', submittedAt: 'submitted_at', channel: 'channel' }, { columns: 'first-row' });
const risk = classifyLoyaltyRisk([...relationship.records, ...interactions.records]);
const day = (date: Date | undefined): string => date?.toISOString().slice(0, 10) ?? '–';
console.log(`\nLoyalty risk of ${risk.summary.customers} accounts as of ${day(risk.asOf)} (CES of the last 90 days read with the NPS of the last 365)`);
console.log(`  ${risk.summary.tiers.map((tier) => `${tier.tier} ${tier.count} (${tier.rounded}%)`).join(', ')}`);
console.log('  Worklist, first five:');
for (const customer of risk.customers.slice(0, 5)) {
  console.log(`  ${customer.customerId}  ${customer.tier.padEnd(8)} → ${customer.nextStep}: ${customer.explanation}`);
}
const outcomes = new Map(table('outcomes.csv').slice(1).map(([id, churned]) => [id as string, churned === 'true']));
const evaluation = evaluateRiskTiers(risk, outcomes);
console.log('  Checked against who churned afterwards (examples/data/outcomes.csv):');
console.log(`  ${evaluation.tiers.map((tier) => `${tier.tier} ${tier.events.count}/${tier.withOutcome}`).join(', ')}; churn rises with the tier: one-sided p = ${evaluation.trend?.pValueIncreasing.toPrecision(2) ?? '–'}`);

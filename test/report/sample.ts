// Results built from the bundled sample (examples/data), as examples/demo.ts reads it, for the
// report tests: realistic results with every feature (segments, months, risk), and empty ones.
import { readFileSync } from 'node:fs';
import { classifyLoyaltyRisk, computeCES, computeCSAT, computeNPS, type IngestResult, ingest, type Scale, scales, segmentBy, trend } from 'cx-metrics';
import type { ReportData } from 'cx-metrics/report';

const table = (file: string): string[][] =>
  readFileSync(new URL(`../../examples/data/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));

const responses = table('responses.csv');

/** One metric's column of the sample as records. */
export function readColumn<S extends Scale>(scale: S, column: string): IngestResult<S> {
  return ingest(responses, { scale, score: column, respondentId: 'response_id', customerId: 'customer_id', submittedAt: 'submitted_at', channel: 'channel' }, { columns: 'first-row' });
}

export const nps: IngestResult<typeof scales.nps> = readColumn(scales.nps, 'nps');
export const csat: IngestResult<typeof scales.csat5> = readColumn(scales.csat5, 'csat');
export const ces: IngestResult<typeof scales.ces7> = readColumn(scales.ces7, 'ces');

/** The loyalty-risk classification of the sample's accounts, as in the demo. */
export function sampleRisk(): ReturnType<typeof classifyLoyaltyRisk> {
  const relationship = ingest(table('relationship.csv'), { scale: scales.nps, score: 'nps', respondentId: 'contact_id', customerId: 'customer_id', submittedAt: 'submitted_at', attributes: ['plan'] }, { columns: 'first-row' });
  const interactions = ingest(table('interactions.csv'), { scale: scales.ces7, score: 'ces', respondentId: 'contact_id', customerId: 'customer_id', interactionId: 'ticket_id', submittedAt: 'submitted_at', channel: 'channel' }, { columns: 'first-row' });
  return classifyLoyaltyRisk([...relationship.records, ...interactions.records]);
}

/** The report the CLI would build from examples/data/responses.csv: three metrics by channel and month, and the risk part. */
export function sampleReport(): ReportData {
  const metric = <S extends Scale>(column: string, read: IngestResult<S>, result: ReturnType<typeof computeNPS> | ReturnType<typeof computeCSAT> | ReturnType<typeof computeCES>) => ({
    column,
    result,
    segments: segmentBy(read.records, 'channel'),
    trend: trend(read.records, { unit: 'month' }),
    ingest: read,
  });
  return {
    title: 'Customer survey, July–September 2026',
    source: {
      name: 'examples/data/responses.csv',
      format: 'csv',
      delimiter: ',',
      vendor: 'plain',
      notes: ['Delimiter "," found in the header row.', 'Columns read as a plain export (no vendor header found).', 'nps: column "nps", read on the 0–10 scale.', 'csat: column "csat", read on the 1–5 scale.', 'ces: column "ces", read on the 1–7 agreement scale (CES 2.0).'],
    },
    metrics: [metric('nps', nps, computeNPS(nps.records)), metric('csat', csat, computeCSAT(csat.records)), metric('ces', ces, computeCES(ces.records))],
    risk: sampleRisk(),
  };
}

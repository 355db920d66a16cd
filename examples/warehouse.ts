// Counting inside DuckDB, statistics in cx-metrics: `npx tsx examples/warehouse.ts`.
import { DuckDBInstance } from '@duckdb/node-api';
import { computeNPS, scales } from 'cx-metrics';
import { runTallyQuery } from 'cx-metrics/sql';

const connection = await (await DuckDBInstance.create()).connect();
// The bundled export has one "n/a" in its nps column, so DuckDB reads the column as text. NaN
// makes such a cell an invalid answer (counted and reported), never a skipped one.
const from = {
  subquery: `SELECT channel, CAST(submitted_at AS TIMESTAMPTZ) AS submitted_at,
    CASE WHEN nps IS NULL THEN NULL ELSE coalesce(TRY_CAST(nps AS DOUBLE), 'NaN') END AS nps
    FROM read_csv('examples/data/responses.csv')`,
};
const tallies = await runTallyQuery(
  connection,
  { dialect: 'duckdb', from, scale: scales.nps, score: 'nps', by: ['channel'], time: { column: 'submitted_at', unit: 'month', timeZone: 'Europe/Berlin' } },
  { onInvalid: 'exclude' },
);

const nps = computeNPS(tallies.overall, { onInvalid: 'exclude' });
console.log(`NPS ${nps.score?.toFixed(1)} points, 95% CI [${nps.ci?.lower.toFixed(1)}, ${nps.ci?.upper.toFixed(1)}]`, nps.responses);
for (const row of tallies.segmentTable().segments) {
  console.log(`  ${String(row.key[0]).padEnd(6)} n=${row.n}  NPS ${row.result?.score?.toFixed(1)}  Δ vs rest ${row.comparison?.difference.toFixed(1)}  p=${row.comparison?.adjustedPValue.toFixed(3)}`);
}
for (const bucket of tallies.trend().buckets) console.log(`  ${bucket.label}  n=${bucket.n}  NPS ${bucket.result?.score?.toFixed(1)}`);
connection.closeSync();

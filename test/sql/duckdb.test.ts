// The SQL path against a real DuckDB (@duckdb/node-api): an in-memory table, a CSV file and a
// Parquet file, each compared with the in-memory path on the same answers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CxMetricsError, scales, segmentBy, trend, type SegmentTable, type TrendSeries } from 'cx-metrics';
import { runTallyQuery, type TallyQuerySpec } from 'cx-metrics/sql';
import { type AnswerRow, sqlRows } from './sqlData.js';

const rows = sqlRows(3000);
let connection: DuckDBConnection;
const folder = mkdtempSync(join(tmpdir(), 'cx-sql-'));

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run('CREATE TABLE responses (id INTEGER, score DOUBLE, w DOUBLE, channel VARCHAR, region VARCHAR, "at" TIMESTAMPTZ)');
  const appender = await connection.createAppender('responses');
  for (const row of rows) {
    appender.appendInteger(row.id);
    if (row.score === null) appender.appendNull();
    else appender.appendDouble(row.score);
    appender.appendDouble(row.w);
    appender.appendVarchar(row.channel);
    appender.appendVarchar(row.region);
    appender.appendVarchar(row.at.toISOString());
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(`COPY responses TO '${join(folder, 'responses.csv')}' (HEADER)`);
  await connection.run(`COPY responses TO '${join(folder, 'responses.parquet')}' (FORMAT parquet)`);
});
afterAll(() => connection?.closeSync());

/** The in-memory path's table and trend for the same answers. */
function inMemory(subset: readonly AnswerRow[], weighted: boolean, unit: 'day' | 'isoWeek' | 'month' | 'quarter' | 'year', timeZone: string): { table: SegmentTable; series: TrendSeries } {
  const options = { scale: scales.nps, value: 'score', onInvalid: 'exclude', ...(weighted ? { weights: 'w' } : {}) } as const;
  return {
    table: segmentBy(subset, ['channel', 'region'], options),
    series: trend(subset, { ...options, time: 'at', unit, timeZone }),
  };
}

/** Segments in key order: the database returns them sorted, the in-memory path in order of first appearance. */
const sorted = (table: SegmentTable): SegmentTable['segments'] => [...table.segments].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));

function expectSame(actual: SegmentTable, expected: SegmentTable): void {
  expect(sorted(actual).map((row) => row.key)).toEqual(sorted(expected).map((row) => row.key));
  expect(actual.overall.tally.counts).toEqual(expected.overall.tally.counts);
  sorted(actual).forEach((row, index) => {
    const other = sorted(expected)[index]!;
    expect(row.tally.counts).toEqual(other.tally.counts);
    expect([row.tally.skipped, row.tally.invalid, row.n]).toEqual([other.tally.skipped, other.tally.invalid, other.n]);
    row.tally.weightSums.forEach((sum, at) => expect(Math.abs(sum - other.tally.weightSums[at]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, sum)));
    for (const key of ['score', 'standardError'] as const) expect(Math.abs((row.result?.[key] ?? 0) - (other.result?.[key] ?? 0))).toBeLessThanOrEqual(1e-10);
    expect(Math.abs((row.result?.ci?.lower ?? 0) - (other.result?.ci?.lower ?? 0))).toBeLessThanOrEqual(1e-9);
    expect(Math.abs((row.comparison?.pValue ?? 0) - (other.comparison?.pValue ?? 0))).toBeLessThanOrEqual(1e-9);
  });
}

function expectSameTrend(actual: TrendSeries, expected: TrendSeries): void {
  expect(actual.buckets.map((bucket) => [bucket.label, bucket.n])).toEqual(expected.buckets.map((bucket) => [bucket.label, bucket.n]));
  actual.buckets.forEach((bucket, index) => {
    const other = expected.buckets[index]!;
    expect(Math.abs((bucket.result?.score ?? 0) - (other.result?.score ?? 0))).toBeLessThanOrEqual(1e-10);
    expect(Math.abs((bucket.change?.pValue ?? 0) - (other.change?.pValue ?? 0))).toBeLessThanOrEqual(1e-9);
  });
}

describe('DuckDB', () => {
  const sources: [string, () => TallyQuerySpec['from']][] = [
    ['an in-memory table', () => 'responses'],
    ['a CSV file', () => ({ file: join(folder, 'responses.csv') })],
    ['a Parquet file', () => ({ file: join(folder, 'responses.parquet') })],
  ];
  for (const [name, from] of sources) {
    for (const [unit, timeZone] of [['day', 'Europe/Berlin'], ['isoWeek', 'America/New_York'], ['month', 'Europe/Berlin'], ['quarter', 'America/New_York'], ['year', 'Asia/Kolkata']] as const) {
      test(`${name}, weighted, ${unit} in ${timeZone}: the same table and trend as in memory`, async () => {
        const tallies = await runTallyQuery(connection, { dialect: 'duckdb', from: from(), scale: scales.nps, score: 'score', weight: 'w', by: ['channel', 'region'], time: { column: 'at', unit, timeZone } }, { onInvalid: 'exclude' });
        const expected = inMemory(rows, true, unit, timeZone);
        expectSame(tallies.segmentTable(), expected.table);
        expectSameTrend(tallies.trend({ minimumN: 30 }), expected.series);
        expect(tallies.overall.invalid).toBe(rows.filter((row) => row.score !== null && !(Number.isInteger(row.score) && row.score >= 0 && row.score <= 10)).length);
      });
    }
  }

  test('unweighted, filtered: counts equal exactly', async () => {
    const tallies = await runTallyQuery(connection, { dialect: 'duckdb', from: 'responses', scale: scales.nps, score: 'score', by: ['channel', 'region'], where: [{ column: 'region', equals: 'EU' }, { column: 'channel', in: ['chat', "o'brien \"quoted\""] }] }, { onInvalid: 'exclude' });
    const subset = rows.filter((row) => row.region === 'EU' && (row.channel === 'chat' || row.channel === "o'brien \"quoted\""));
    expectSame(tallies.segmentTable(), inMemory(subset, false, 'month', 'UTC').table);
  });

  test('answers off the scale are reported, not dropped: they throw by default', async () => {
    await expect(runTallyQuery(connection, { dialect: 'duckdb', from: 'responses', scale: scales.nps, score: 'score' })).rejects.toThrow(expect.objectContaining({ code: 'invalid_answers' }));
  });

  test('injection through every name and value fails safely: a CxMetricsError, and the table is still there', async () => {
    const attempts: Partial<TallyQuerySpec>[] = [
      { score: 'score"; DROP TABLE responses; --' },
      { by: ['channel"; DROP TABLE responses; --'] },
      { from: 'responses"; DROP TABLE responses; --' },
      { time: { column: 'at', unit: 'day', timeZone: "UTC'; DROP TABLE responses; --" } },
      { where: [{ column: 'channel', equals: "x'; DROP TABLE responses; --\\" }] },
      { where: [{ column: 'channel', equals: 'nul\0byte' }] },
      { score: 'x'.repeat(10_000) },
      { weight: 'w\0' },
    ];
    for (const attempt of attempts) {
      const result = runTallyQuery(connection, { dialect: 'duckdb', from: 'responses', scale: scales.nps, score: 'score', ...attempt } as TallyQuerySpec, { onInvalid: 'exclude' });
      // A value that is only data (the filter) runs and matches nothing; everything else is refused.
      await result.then(
        (tallies) => expect(tallies.overall.total).toBe(0),
        (error: unknown) => expect(error).toBeInstanceOf(CxMetricsError),
      );
    }
    const count = await connection.runAndReadAll('SELECT count(*) AS n FROM responses');
    expect(count.getRowObjectsJS()[0]?.['n']).toBe(BigInt(rows.length));
  });
});

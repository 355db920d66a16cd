// The SQL path against a real PostgreSQL server (see test/support/postgres.ts for when it runs).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CxMetricsError, scales, segmentBy, trend, type SegmentTable } from 'cx-metrics';
import { runTallyQuery, type TallyQuerySpec } from 'cx-metrics/sql';
import { connectPostgres } from '../support/postgres.js';
import { sqlRows } from './sqlData.js';

const connected = await connectPostgres('test/sql/postgres.test.ts');
const reachable = connected !== undefined;
const client = connected as NonNullable<typeof connected>;
const table = `cx_responses_${process.pid}`;
const rows = sqlRows(2000, 23);

describe.skipIf(!reachable)('PostgreSQL', () => {
  beforeAll(async () => {
    await client.query(`CREATE TABLE ${table} (id integer, score double precision, w double precision, channel text, region text, "at" timestamptz)`);
    for (let start = 0; start < rows.length; start += 500) {
      const part = rows.slice(start, start + 500);
      const values = part.flatMap((row) => [row.id, row.score, row.w, row.channel, row.region, row.at.toISOString()]);
      const placeholders = part.map((_, i) => `(${Array.from({ length: 6 }, (_, j) => `$${i * 6 + j + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${table} VALUES ${placeholders}`, values);
    }
  });
  afterAll(async () => {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  });

  const sorted = (t: SegmentTable): SegmentTable['segments'] => [...t.segments].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));

  for (const [unit, timeZone] of [['day', 'America/New_York'], ['isoWeek', 'Europe/Berlin'], ['month', 'Australia/Lord_Howe'], ['quarter', 'Europe/Berlin'], ['year', 'America/New_York']] as const) {
    test(`weighted, ${unit} in ${timeZone}: the same table and trend as in memory`, async () => {
      const tallies = await runTallyQuery(client, { dialect: 'postgresql', from: table, scale: scales.nps, score: 'score', weight: 'w', by: ['channel', 'region'], time: { column: 'at', unit, timeZone } }, { onInvalid: 'exclude' });
      const options = { scale: scales.nps, value: 'score', weights: 'w', onInvalid: 'exclude' } as const;
      const expected = segmentBy(rows, ['channel', 'region'], options);
      const actual = tallies.segmentTable();
      expect(sorted(actual).map((row) => [row.key, row.tally.counts, row.tally.skipped, row.tally.invalid])).toEqual(sorted(expected).map((row) => [row.key, row.tally.counts, row.tally.skipped, row.tally.invalid]));
      sorted(actual).forEach((row, index) => {
        const other = sorted(expected)[index]!;
        expect(Math.abs((row.result?.score ?? 0) - (other.result?.score ?? 0))).toBeLessThanOrEqual(1e-10);
        expect(Math.abs((row.comparison?.pValue ?? 0) - (other.comparison?.pValue ?? 0))).toBeLessThanOrEqual(1e-9);
      });
      const series = trend(rows, { ...options, time: 'at', unit, timeZone });
      expect(tallies.trend().buckets.map((bucket) => [bucket.label, bucket.n, bucket.result?.responses])).toEqual(series.buckets.map((bucket) => [bucket.label, bucket.n, bucket.result?.responses]));
    });
  }

  test('injection through every name and value fails safely: a CxMetricsError, and the table is still there', async () => {
    const attempts: Partial<TallyQuerySpec>[] = [
      { score: `score"; DROP TABLE ${table}; --` },
      { by: [`channel"; DROP TABLE ${table}; --`] },
      { from: `${table}"; DROP TABLE ${table}; --` },
      { time: { column: 'at', unit: 'day', timeZone: `UTC'; DROP TABLE ${table}; --` } },
      { where: [{ column: 'channel', equals: `x'; DROP TABLE ${table}; --\\` }] },
      { where: [{ column: 'channel', in: ['a', `b'); DROP TABLE ${table}; --`] }] },
      { where: [{ column: 'channel', equals: 'nul\0byte' }] },
      { score: 'x'.repeat(64) },
      { by: ['y'.repeat(100_000)] },
    ];
    for (const attempt of attempts) {
      await runTallyQuery(client, { dialect: 'postgresql', from: table, scale: scales.nps, score: 'score', ...attempt } as TallyQuerySpec, { onInvalid: 'exclude' }).then(
        (tallies) => expect(tallies.overall.total).toBe(0),
        (error: unknown) => expect(error).toBeInstanceOf(CxMetricsError),
      );
    }
    const { rows: count } = await client.query(`SELECT count(*) AS n FROM ${table}`);
    expect(count[0]?.n).toBe(String(rows.length));
  });
});

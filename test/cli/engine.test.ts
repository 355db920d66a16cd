// `cx-metrics report --engine duckdb`: the counting inside DuckDB, the same report as in memory.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli.js';

const sample = 'examples/data/responses.csv';
type Metric = { column: string; result: { score: number; ci: unknown; n: number; responses: unknown }; segments?: { segments: { key: string[]; n: number; result: { score: number }; comparison?: { pValue: number; adjustedPValue: number } }[] }; trend?: { buckets: { label: string; n: number; result?: { score: number }; change?: { pValue: number } }[] } };
const metricsOf = (stdout: string): Metric[] => (JSON.parse(stdout) as { metrics: Metric[] }).metrics;
const byKey = <T extends { key: string[] }>(rows: T[]): T[] => [...rows].sort((a, b) => a.key.join().localeCompare(b.key.join()));

describe('--engine duckdb', () => {
  test('CSV: every score, interval, segment, p-value and bucket equals the in-memory engine’s', async () => {
    const args = ['report', sample, '--by', 'channel', '--time', 'month', '--tz', 'Europe/Berlin', '--format', 'json'];
    const memory = await cli(args);
    const duck = await cli([...args, '--engine', 'duckdb']);
    expect([duck.code, duck.stderr]).toEqual([0, '']);
    const [a, b] = [metricsOf(memory.stdout), metricsOf(duck.stdout)];
    expect(b.map((metric) => metric.column)).toEqual(a.map((metric) => metric.column));
    a.forEach((metric, m) => {
      const other = b[m] as Metric;
      expect(other.result.score).toBeCloseTo(metric.result.score, 12);
      expect([other.result.ci, other.result.n]).toEqual([metric.result.ci, metric.result.n]);
      // A cell that is not an answer is a rejected row in memory and an invalid answer in DuckDB: counted either way.
      const [mine, theirs] = [metric.result.responses, other.result.responses] as { total: number; answered: number; skipped: number; invalid: number }[];
      expect([theirs!.answered, theirs!.skipped, theirs!.total]).toEqual([mine!.answered, mine!.skipped, mine!.total + theirs!.invalid]);
      const segments = byKey(metric.segments?.segments ?? []);
      byKey(other.segments?.segments ?? []).forEach((row, i) => {
        expect([row.key, row.n]).toEqual([segments[i]?.key, segments[i]?.n]);
        expect(row.result.score).toBeCloseTo(segments[i]?.result.score as number, 12);
        expect(row.comparison?.adjustedPValue).toBeCloseTo(segments[i]?.comparison?.adjustedPValue as number, 12);
      });
      expect(other.trend?.buckets.map((bucket) => [bucket.label, bucket.n])).toEqual(metric.trend?.buckets.map((bucket) => [bucket.label, bucket.n]));
    });
  });

  test('Parquet, and a weighted .csv.gz: the same as the CSV in memory', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cx-engine-'));
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`COPY (SELECT *, 1 + (hash(response_id) % 3) / 2.0 AS w FROM read_csv('${sample}')) TO '${join(folder, 'r.parquet')}' (FORMAT parquet)`);
    await connection.run(`COPY (SELECT *, 1 + (hash(response_id) % 3) / 2.0 AS w FROM read_csv('${sample}')) TO '${join(folder, 'r.csv.gz')}' (HEADER, COMPRESSION gzip)`);
    connection.closeSync();
    const args = ['--nps', 'nps', '--by', 'channel', '--weight', 'w', '--format', 'json'];
    const memory = metricsOf((await cli(['report', join(folder, 'r.csv.gz'), ...args])).stdout)[0] as Metric;
    for (const file of ['r.parquet', 'r.csv.gz']) {
      const duck = await cli(['report', join(folder, file), ...args, '--engine', 'duckdb']);
      expect(duck.code).toBe(0);
      const metric = metricsOf(duck.stdout)[0] as Metric;
      expect(metric.result.score).toBeCloseTo(memory.result.score, 10);
      expect(metric.result.n).toBe(memory.result.n);
    }
  });

  test('usage errors name --engine and the column, with near names', async () => {
    const wrong = await cli(['report', sample, '--by', 'chanel', '--engine', 'duckdb']);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('expected a column of the file (did you mean "channel"?) (--by), got "chanel"')]);
    const engine = await cli(['report', sample, '--engine', 'sqlite']);
    expect([engine.code, engine.stderr]).toEqual([2, expect.stringContaining('expected one of memory, duckdb, auto (--engine), got "sqlite"')]);
    const stdin = await cli(['report', '-', '--engine', 'duckdb']);
    expect([stdin.code, stdin.stderr]).toEqual([2, expect.stringContaining('DuckDB reads files, not standard input')]);
  });
});

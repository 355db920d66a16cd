// `cx-metrics report --engine duckdb`: the counting inside DuckDB, the same report as in memory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli.js';
import { expectSameReport, metricsOf, type ReportedMetric as Metric } from '../support/sameReport.js';

const sample = 'examples/data/responses.csv';

describe('--engine duckdb', () => {
  test('CSV: every score, interval, segment, p-value and bucket equals the in-memory engine’s', async () => {
    const args = ['report', sample, '--by', 'channel', '--time', 'month', '--tz', 'Europe/Berlin', '--format', 'json'];
    const memory = await cli(args);
    const duck = await cli([...args, '--engine', 'duckdb']);
    expect([duck.code, duck.stderr]).toEqual([0, '']);
    expectSameReport(metricsOf(memory.stdout), metricsOf(duck.stdout));
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

  test('a numeric score column (Parquet INTEGER) is read as it is: the same score, its label cells now NULL (skipped)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cx-engine-'));
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`COPY (SELECT channel, TRY_CAST(nps AS INTEGER) AS nps FROM read_csv('${sample}')) TO '${join(folder, 'typed.parquet')}' (FORMAT parquet)`);
    const types = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(folder, 'typed.parquet')}')`)).getRowObjectsJS();
    connection.closeSync();
    expect(types.map((row) => row['column_type'])).toEqual(['VARCHAR', 'INTEGER']);
    const memory = metricsOf((await cli(['report', sample, '--nps', 'nps', '--by', 'channel', '--format', 'json'])).stdout)[0] as Metric;
    const duck = metricsOf((await cli(['report', join(folder, 'typed.parquet'), '--nps', 'nps', '--by', 'channel', '--format', 'json', '--engine', 'duckdb'])).stdout)[0] as Metric;
    expect([duck.result.score, duck.result.ci, duck.result.n]).toEqual([memory.result.score, memory.result.ci, memory.result.n]);
    expect(duck.result.responses.invalid).toBe(0);
  });

  test('without --by or --time: the overall score, as in memory; a naive time is read in --tz', async () => {
    const memory = metricsOf((await cli(['report', sample, '--format', 'json'])).stdout);
    const duck = await cli(['report', sample, '--format', 'json', '--engine', 'duckdb']);
    expect([duck.code, duck.stderr]).toEqual([0, '']);
    expectSameReport(memory, metricsOf(duck.stdout));
    const folder = mkdtempSync(join(tmpdir(), 'cx-engine-'));
    writeFileSync(join(folder, 'naive.csv'), 'at,nps\n2026-07-31 23:30,10\n2026-08-01 00:30,0\n');
    const args = ['report', join(folder, 'naive.csv'), '--nps', 'nps', '--time', 'month', '--tz', 'Europe/Berlin', '--time-column', 'at', '--min-n', '1', '--format', 'json'];
    const labels = (stdout: string): unknown => metricsOf(stdout)[0]?.trend?.buckets.map((bucket) => [bucket.label, bucket.n]);
    expect(labels((await cli([...args, '--engine', 'duckdb'])).stdout)).toEqual([['2026-07', 1], ['2026-08', 1]]);
    expect(labels((await cli(args)).stdout)).toEqual([['2026-07', 1], ['2026-08', 1]]);
  });

  test('usage errors name --engine and the column, with near names', async () => {
    const wrong = await cli(['report', sample, '--by', 'chanel', '--engine', 'duckdb']);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('expected a column of the file (did you mean "channel"?) (--by), got "chanel"')]);
    const engine = await cli(['report', sample, '--engine', 'sqlite']);
    expect([engine.code, engine.stderr]).toEqual([2, expect.stringContaining('expected one of memory, duckdb, auto, postgres (--engine), got "sqlite"')]);
    // A missing or empty file: the in-memory engine's message, not DuckDB's (it was an "unexpected error").
    const folder = mkdtempSync(join(tmpdir(), 'cx-engine-'));
    writeFileSync(join(folder, 'empty.csv'), '');
    for (const file of [join(folder, 'missing.csv'), join(folder, 'empty.csv')]) {
      const [duck, memory] = [await cli(['report', file, '--engine', 'duckdb']), await cli(['report', file])];
      expect([duck.code, duck.stderr]).toEqual([memory.code, memory.stderr]);
      expect(duck.stderr).toMatch(/expected a readable file \(file\), got .*missing.csv \(ENOENT\)|expected a file with a header row \(.*empty.csv\), got an empty file/);
    }
    const stdin = await cli(['report', '-', '--engine', 'duckdb']);
    expect([stdin.code, stdin.stderr]).toEqual([2, expect.stringContaining('DuckDB reads files, not standard input')]);
  });
});

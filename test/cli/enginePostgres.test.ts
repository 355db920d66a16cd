// `cx-metrics report --engine postgres --table …`: the counting inside PostgreSQL, the same report
// as in memory (see test/support/postgres.ts for when it runs).
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../support/cli.js';
import { connectPostgres, postgresURL as url } from '../support/postgres.js';
import { expectSameReport, metricsOf, type ReportedMetric } from '../support/sameReport.js';

const connected = await connectPostgres('test/cli/enginePostgres.test.ts');
const client = connected as NonNullable<typeof connected>;
const sample = 'examples/data/responses.csv';
const table = `cx_engine_${process.pid}`;
const env = { PGURL: url };

describe.skipIf(connected === undefined)('--engine postgres', () => {
  beforeAll(async () => {
    // The bundled sample as a table: the scores as text, as an export loads them (4 cells are labels, not numbers).
    const [header, ...lines] = readFileSync(sample, 'utf8').trim().split('\n');
    const names = (header as string).split(',');
    await client.query(`CREATE TABLE ${table} (${names.map((name) => `"${name}" ${name === 'submitted_at' ? 'timestamptz' : 'text'}`).join(', ')}, w double precision)`);
    const rows = lines.map((line, i) => [...line.split(',').map((cell) => (cell === '' ? null : cell)), 1 + (i % 3) / 2]);
    for (let start = 0; start < rows.length; start += 200) {
      const part = rows.slice(start, start + 200);
      const width = names.length + 1;
      const placeholders = part.map((_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${table} VALUES ${placeholders}`, part.flat());
    }
  });
  afterAll(async () => {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  });

  test('every score, interval, segment, p-value and bucket equals the in-memory engine’s', async () => {
    const args = ['--by', 'channel', '--time', 'month', '--tz', 'Europe/Berlin', '--format', 'json'];
    const memory = metricsOf((await cli(['report', sample, ...args])).stdout);
    const run = await cli(['report', '--engine', 'postgres', '--table', table, ...args], { env });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expectSameReport(memory, metricsOf(run.stdout));
  });

  test('weighted, with --url instead of PGURL: the weighted in-memory score', async () => {
    const file = join(tmpdir(), `cx-engine-pg-${process.pid}.csv`);
    const { rows } = await client.query(`SELECT nps, channel, w FROM ${table}`);
    const csv = ['nps,channel,w', ...rows.map((row: Record<string, unknown>) => `${row['nps'] ?? ''},${row['channel'] ?? ''},${String(row['w'])}`)].join('\n');
    writeFileSync(file, `${csv}\n`);
    const args = ['--nps', 'nps', '--by', 'channel', '--weight', 'w', '--format', 'json'];
    const memory = metricsOf((await cli(['report', file, ...args])).stdout)[0] as ReportedMetric;
    const run = await cli(['report', '--engine', 'postgres', '--table', table, '--url', url, ...args]);
    expect(run.code).toBe(0);
    const metric = metricsOf(run.stdout)[0] as ReportedMetric;
    expect(metric.result.score).toBeCloseTo(memory.result.score, 10);
    expect(metric.result.ci).toEqual(memory.result.ci);
  });

  test('a numeric score column (integer) is read as it is: the same score, its label cells now NULL (skipped)', async () => {
    await client.query(`CREATE TABLE ${table}_typed AS SELECT channel, CASE WHEN nps ~ '^[0-9]+$' THEN CAST(nps AS integer) END AS nps FROM ${table}`);
    try {
      const memory = metricsOf((await cli(['report', sample, '--nps', 'nps', '--by', 'channel', '--format', 'json'])).stdout)[0] as ReportedMetric;
      const run = await cli(['report', '--engine', 'postgres', '--table', `${table}_typed`, '--nps', 'nps', '--by', 'channel', '--format', 'json'], { env });
      const metric = metricsOf(run.stdout)[0] as ReportedMetric;
      expect([metric.result.score, metric.result.ci, metric.result.n]).toEqual([memory.result.score, memory.result.ci, memory.result.n]);
      expect(metric.result.responses.invalid).toBe(0);
    } finally {
      await client.query(`DROP TABLE ${table}_typed`);
    }
  });

  test('without --by or --time: the overall score, as in memory, with every row accounted for', async () => {
    const memory = metricsOf((await cli(['report', sample, '--format', 'json'])).stdout);
    const run = await cli(['report', '--engine', 'postgres', '--table', table, '--format', 'json'], { env });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expectSameReport(memory, metricsOf(run.stdout));
    const text = await cli(['report', '--engine', 'postgres', '--table', table, '--nps', 'nps'], { env });
    expect(text.stdout).toContain('600 rows: 571 scored, 25 skipped, 0 rejected, 4 invalid (off the scale or not a number)');
    // The HTML's data-quality table adds up (600 read, 25 skipped, 4 invalid, 571 scored) and names the table.
    const html = (await cli(['report', '--engine', 'postgres', '--table', table, '--nps', 'nps', '--format', 'html'], { env })).stdout;
    expect(html).toContain(`Table ${table}, counted inside the database, columns read by name.`);
    expect(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toMatch(/Rows read 600 .*Rejected 0 .*Skipped answers 25 .*Invalid answers 4 .*Scored 571/);
  });

  test('cells read as a file’s are: times without an offset in --tz, blank scores skipped, bad weights rejected, segment values as text', async () => {
    const edge = `${table}_edge`;
    await client.query(`CREATE TABLE ${edge} (at timestamp, nps text, w double precision, tags jsonb, codes int[])`);
    try {
      // Times without an offset either side of midnight in Berlin at a month's end; a blank, an
      // exponent and a label as scores; a NULL and a negative weight.
      await client.query(`INSERT INTO ${edge} VALUES
        ('2026-07-31 23:30', '10', 1, '{"a":1}', '{1,2}'), ('2026-08-01 00:30', '0', 1, '{"a":1}', '{1,2}'),
        ('2026-08-02 10:00', ' ', 1, '{"b":2}', '{3}'), ('2026-08-03 10:00', '1e1', 1, '{"b":2}', '{3}'),
        ('2026-08-04 10:00', 'n/a', 1, '{"b":2}', '{3}'), ('2026-08-05 10:00', '9', NULL, '{"b":2}', '{3}'), ('2026-08-06 10:00', '9', -2, '{"b":2}', '{3}')`);
      const csv = join(tmpdir(), `cx-engine-edge-${process.pid}.csv`);
      writeFileSync(csv, 'at,nps,w\n2026-07-31 23:30,10,1\n2026-08-01 00:30,0,1\n2026-08-02 10:00, ,1\n2026-08-03 10:00,1e1,1\n2026-08-04 10:00,n/a,1\n2026-08-05 10:00,9,\n2026-08-06 10:00,9,-2\n');
      const args = ['--nps', 'nps', '--time', 'month', '--tz', 'Europe/Berlin', '--time-column', 'at', '--min-n', '1', '--format', 'json'];
      const memory = metricsOf((await cli(['report', csv, ...args, '--weight', 'w'])).stdout)[0] as ReportedMetric;
      const run = await cli(['report', '--engine', 'postgres', '--table', edge, ...args, '--weight', 'w'], { env });
      expect([run.code, run.stderr]).toEqual([0, '']);
      const counted = metricsOf(run.stdout)[0] as ReportedMetric;
      expect(counted.trend?.buckets.map((bucket) => [bucket.label, bucket.n, bucket.result?.score])).toEqual(memory.trend?.buckets.map((bucket) => [bucket.label, bucket.n, bucket.result?.score]));
      expect(counted.trend?.buckets.map((bucket) => bucket.label)).toEqual(['2026-07', '2026-08']);
      expect([counted.result.score, counted.result.n, counted.result.responses.skipped]).toEqual([memory.result.score, memory.result.n, memory.result.responses.skipped]);
      // The two rows with a bad weight are rejected, as in memory; the exponent and the label are invalid answers here, rejected rows there.
      const json = JSON.parse(run.stdout) as { metrics: { ingest: { rejected: number; total: number } }[] };
      expect(json.metrics[0]?.ingest).toMatchObject({ total: 7, rejected: 2 });
      expect(counted.result.responses.invalid).toBe(2);
      const segments = metricsOf((await cli(['report', '--engine', 'postgres', '--table', edge, '--nps', 'nps', '--by', 'tags,codes', '--min-n', '1', '--format', 'json'], { env })).stdout)[0] as ReportedMetric;
      expect(segments.segments?.segments.map((row) => row.key).sort()).toEqual([['{"a": 1}', '{1,2}'], ['{"b": 2}', '{3}']]);
    } finally {
      await client.query(`DROP TABLE ${edge}`);
    }
  });

  test('usage errors name the option, with near names, and never show the password', async () => {
    const wrongTable = await cli(['report', '--engine', 'postgres', '--table', table.slice(0, -1)], { env });
    expect([wrongTable.code, wrongTable.stderr]).toEqual([2, expect.stringContaining(`(did you mean "${table}"?) (--table)`)]);
    const wrongColumn = await cli(['report', '--engine', 'postgres', '--table', table, '--by', 'chanel'], { env });
    expect([wrongColumn.code, wrongColumn.stderr]).toEqual([2, expect.stringContaining('expected a column of the table (did you mean "channel"?) (--by), got "chanel"')]);
    const refused = await cli(['report', '--engine', 'postgres', '--table', table, '--url', 'postgres://someone:secret@127.0.0.1:1/nothing']);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('expected a PostgreSQL server that takes the connection (--url), got postgres://someone:***@127.0.0.1:1/nothing')]);
    expect(refused.stderr).not.toContain('secret');
    const notURL = await cli(['report', '--engine', 'postgres', '--table', table, '--url', 'host=db password=secret']);
    expect([notURL.code, notURL.stderr]).toEqual([2, 'cx-metrics report: expected a connection string postgres://user:password@host:port/database (--url), got text that is not a URL (not shown: it may hold a password)\n']);
    const zone = await cli(['report', '--engine', 'postgres', '--table', table, '--tz', 'Mars/Base'], { env });
    expect([zone.code, zone.stderr]).toEqual([2, 'cx-metrics report: expected an IANA time zone such as Europe/Berlin (--tz), got "Mars/Base"\n']);
    const noURL = await cli(['report', '--engine', 'postgres', '--table', table]);
    expect([noURL.code, noURL.stderr]).toEqual([2, expect.stringContaining('(--url), got none')]);
    const withFile = await cli(['report', sample, '--engine', 'postgres', '--table', table], { env });
    expect([withFile.code, withFile.stderr]).toEqual([2, expect.stringContaining('expected no file with --engine postgres')]);
    const tableWithoutEngine = await cli(['report', sample, '--table', table]);
    expect([tableWithoutEngine.code, tableWithoutEngine.stderr]).toEqual([2, expect.stringContaining('expected --engine postgres with it')]);
  });

  test('a text weight that is not a number rejects its row, as in memory; a time column the database cannot read names --time-column', async () => {
    const odd = `${table}_odd`;
    await client.query(`CREATE TABLE ${odd} (nps integer, w text, ti integer)`);
    try {
      await client.query(`INSERT INTO ${odd} VALUES (10, '1', 1), (0, 'abc', 2), (9, ' 2 ', 3)`);
      const file = join(tmpdir(), `cx-engine-odd-${process.pid}.csv`);
      writeFileSync(file, 'nps,w\n10,1\n0,abc\n9, 2 \n');
      const args = ['--nps', 'nps', '--weight', 'w', '--format', 'json'];
      const memory = metricsOf((await cli(['report', file, ...args])).stdout)[0] as ReportedMetric;
      const run = await cli(['report', '--engine', 'postgres', '--table', odd, ...args], { env });
      expect([run.code, (metricsOf(run.stdout)[0] as ReportedMetric).result.score, (metricsOf(run.stdout)[0] as ReportedMetric).result.ci]).toEqual([0, memory.result.score, memory.result.ci]);
      expect((JSON.parse(run.stdout) as { metrics: { ingest: { rejected: number } }[] }).metrics[0]?.ingest.rejected).toBe(1);
      const time = await cli(['report', '--engine', 'postgres', '--table', odd, '--nps', 'nps', '--time', 'month', '--time-column', 'ti'], { env });
      expect([time.code, time.stderr]).toEqual([1, 'cx-metrics report: expected columns the database can read as asked (instants in --time-column ti: timestamptz, timestamp, date or ISO text) (--table), got cannot cast type integer to timestamp with time zone\n']);
    } finally {
      await client.query(`DROP TABLE ${odd}`);
    }
  });

  test('a table whose name has a dot is named in double quotes', async () => {
    await client.query(`CREATE TABLE "${table}.dot" (nps integer)`);
    try {
      await client.query(`INSERT INTO "${table}.dot" VALUES (10), (9), (0)`);
      const run = await cli(['report', '--engine', 'postgres', '--table', `"${table}.dot"`, '--nps', 'nps', '--format', 'json'], { env });
      expect([run.code, (metricsOf(run.stdout)[0] as ReportedMetric).result.n]).toEqual([0, 3]);
    } finally {
      await client.query(`DROP TABLE "${table}.dot"`);
    }
  });

  test('an injection through --table or a column name fails safely: the table is still there', async () => {
    for (const args of [['--table', `${table}"; DROP TABLE ${table}; --`], ['--table', table, '--by', `channel"; DROP TABLE ${table}; --`]]) {
      const run = await cli(['report', '--engine', 'postgres', ...args], { env });
      expect(run.code).toBe(2);
    }
    expect((await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]).toEqual({ n: 600 });
  });
});

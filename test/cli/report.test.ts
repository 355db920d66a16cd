import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { computeCES, computeNPS, ingest, scales, segmentBy, trend } from '../../src/index.js';
import { cli } from '../support/cli.js';

const sample = 'examples/data/responses.csv';
const vendors = 'test/fixtures/vendors';
const temp = mkdtempSync(join(tmpdir(), 'cx-cli-'));
const file = (name: string, text: string | Buffer): string => {
  const path = join(temp, name);
  writeFileSync(path, text);
  return path;
};
type JSONReport = { metrics: { column: string; result: Record<string, unknown> & { score: number; n: number; responses: Record<string, number> }; segments?: { segments: { key: string[]; n: number; result: { score: number } }[] }; trend?: { buckets: { label: string; n: number }[] }; ingest: Record<string, unknown> }[]; source: { notes: string[]; vendor: string } };
const json = (text: string): JSONReport => JSON.parse(text) as JSONReport;

describe('cx-metrics report', () => {
  test('--weight uses linearization, and --variance kish Kish\'s effective n, as the library does', async () => {
    const weighted = file('weighted.csv', 'nps,w\n10,1\n9,2.5\n0,1\n7,0.5\n3,3\n10,1\n8,1\n');
    const answers = [10, 9, 0, 7, 3, 10, 8];
    const weights = [1, 2.5, 1, 0.5, 3, 1, 1];
    for (const varianceMethod of ['linearization', 'kish'] as const) {
      const { code, stdout } = await cli(['report', weighted, '--nps', 'nps', '--weight', 'w', '--format', 'json', ...(varianceMethod === 'kish' ? ['--variance', 'kish'] : [])]);
      expect(code).toBe(0);
      const expected = computeNPS(answers, { weights, varianceMethod });
      expect(json(stdout).metrics[0]?.result).toMatchObject({ standardError: expected.standardError, effectiveN: expected.effectiveN, designEffect: expected.designEffect, varianceMethod, ci: expected.ci });
    }
    const wrong = await cli(['report', weighted, '--weight', 'w', '--variance', 'taylor']);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('--variance')]);
    const alone = await cli(['report', weighted, '--variance', 'kish']);
    expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('expected a --weight column with it (--variance chooses how weighted answers are read) (--variance), got "kish"')]);
    const text = await cli(['report', weighted, '--nps', 'nps', '--weight', 'w']);
    expect(text.stdout).toMatch(/\(effective \d+\.\d, linearization\)/);
  });

  test('computes what ingest, segmentBy and trend compute on the same file, with the library\'s names', async () => {
    const { code, stdout, stderr } = await cli(['report', sample, '--by', 'channel', '--time', 'month', '--tz', 'Europe/Berlin', '--format', 'json']);
    expect([code, stderr]).toEqual([0, '']);
    const report = json(stdout);
    const cells = readFileSync(sample, 'utf8').trim().split('\n').map((line) => line.split(','));
    const { records } = ingest(cells, { scale: scales.nps, score: 'nps', channel: 'channel', submittedAt: 'submitted_at' }, { columns: 'first-row' });
    const nps = report.metrics.find((metric) => metric.column === 'nps');
    const expected = computeNPS(records);
    expect(nps?.result.score).toBeCloseTo(expected.score as number, 12);
    expect(nps?.result).toMatchObject({ n: expected.n, standardError: expected.standardError, ci: expected.ci, responses: expected.responses, scale: 'nps' });
    expect(Object.keys(nps?.result.responses ?? {})).toEqual(['total', 'answered', 'skipped', 'invalid']);
    const table = segmentBy(records, 'channel');
    expect(nps?.segments?.segments.map((segment) => [segment.key[0], segment.n, segment.result.score])).toEqual(table.segments.map((segment) => [segment.key[0], segment.n, segment.result?.score]));
    const months = trend(records, { unit: 'month', timeZone: 'Europe/Berlin' });
    expect(nps?.trend?.buckets.map((bucket) => [bucket.label, bucket.n])).toEqual(months.buckets.map((bucket) => [bucket.label, bucket.n]));
    // Rows the NPS column refused are counted with their reasons, never dropped silently.
    expect(nps?.ingest).toMatchObject({ total: 600, rejected: 4, issueCounts: { unknown_label: 4 } });
    const ces = report.metrics.find((metric) => metric.column === 'ces');
    const cesRecords = ingest(cells, { scale: scales.ces7, score: 'ces' }, { columns: 'first-row' }).records;
    expect(ces?.result.score).toBeCloseTo(computeCES(cesRecords).score as number, 12);
    expect(report.source.notes).toContain('CSV, delimiter "," (detected)');
  });

  test('text output: aligned tables with score, interval, n and a small-segment flag; colour only on a terminal without NO_COLOR', async () => {
    const plain = await cli(['report', sample, '--nps', 'nps', '--by', 'channel', '--min-n', '150']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/NPS 9\.1 points {3}95% CI \[2\.2, 15\.9\] \(adjusted-wald\) {3}n 571/);
    expect(plain.stdout).toMatch(/phone +105 .* small \(n < 150\)/);
    expect(plain.stdout).not.toContain('\x1b[');
    expect((await cli(['report', sample, '--nps', 'nps'], { tty: true })).stdout).toContain('\x1b[1m');
    expect((await cli(['report', sample, '--nps', 'nps'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
  });

  test('csv and markdown outputs', async () => {
    const csv = await cli(['report', sample, '--ces', 'ces', '--by', 'channel', '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('metric,column,group,key,n,score,lower,upper,level,method,standard_error,reliable,difference,p_value,adjusted_p_value');
    expect(lines.map((line) => line.split(',').slice(0, 5).join(','))).toEqual(['metric,column,group,key,n', 'ces,ces,overall,,550', 'ces,ces,segment,chat,187', 'ces,ces,segment,email,264', 'ces,ces,segment,phone,99']);
    const markdown = await cli(['report', sample, '--nps', 'nps', '--by', 'channel', '--format', 'markdown']);
    expect(markdown.stdout).toContain('| channel | n | NPS |');
    expect(markdown.stdout).toContain('## NPS (column nps)');
  });

  test('reads CSV with ; or tab, CRLF, a BOM and quoted line breaks; NDJSON; JSON; gzip; standard input', async () => {
    const rows = ['id;region;score', '1;"north;east";10', '2;"south\nwest";0', '3;north;9'];
    const semicolon = file('semi.csv', `\uFEFF${rows.join('\r\n')}\r\n`);
    const report = json((await cli(['report', semicolon, '--nps', 'score', '--by', 'region', '--format', 'json'])).stdout);
    expect(report.source.notes[0]).toBe('CSV, delimiter ";" (detected)');
    expect(report.metrics[0]?.segments?.segments.map((segment) => segment.key[0])).toEqual(['north;east', 'south\nwest', 'north']);
    const tab = file('tab.tsv', 'nps\tregion\n10\ta\n0\tb\n');
    expect(json((await cli(['report', tab, '--format', 'json'])).stdout).metrics[0]?.result.score).toBe(0);
    const ndjson = file('answers.ndjson', '{"nps": 10}\n{"nps": 9}\n\n{"nps": 3}\n');
    expect(json((await cli(['report', ndjson, '--format', 'json'])).stdout).metrics[0]?.result.n).toBe(3);
    const array = file('answers.json', '[{"nps": 10}, {"nps": 0}]');
    expect(json((await cli(['report', array, '--format', 'json'])).stdout).metrics[0]?.result.score).toBe(0);
    const gz = file('answers.csv.gz', gzipSync('nps\n10\n10\n0\n'));
    expect(json((await cli(['report', gz, '--format', 'json'])).stdout).metrics[0]?.result.n).toBe(3);
    const piped = await cli(['report', '-', '--format', 'json'], { stdin: 'csat\n5\n4\n1\n' });
    expect(json(piped.stdout).metrics[0]?.result.n).toBe(3);
    expect(json(piped.stdout).metrics[0]?.result.score).toBeCloseTo(200 / 3, 12);
  });

  test('--strict refuses a file with any bad row (exit 1); without it the bad rows are counted', async () => {
    const bad = file('bad.csv', 'nps\n10\n11\nten\n');
    const loose = await cli(['report', bad, '--format', 'json']);
    expect(json(loose.stdout).metrics[0]?.ingest).toMatchObject({ total: 3, accepted: 1, rejected: 2, issueCounts: { out_of_range: 1, unknown_label: 1 } });
    const strict = await cli(['report', bad, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('line 3: nps "11": out_of_range');
  });

  test('usage errors exit 2 with what was expected; --help exits 0', async () => {
    expect((await cli(['report', sample, '--bogus'])).code).toBe(2);
    const missing = await cli(['report', join(temp, 'nope.csv')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('expected a readable file')]);
    const column = await cli(['report', sample, '--nps', 'NPS_score']);
    expect([column.code, column.stderr]).toEqual([2, expect.stringMatching(/column of the file.*NPS_score/)]);
    const near = await cli(['report', sample, '--by', 'chanel']);
    expect(near.stderr).toContain('did you mean "channel"');
    expect((await cli(['report', sample, '--time', 'fortnight'])).code).toBe(2);
    expect((await cli(['report', sample, '--scale', 'nps=ces7'])).code).toBe(2);
    expect((await cli(['report', '--help'])).code).toBe(0);
    expect((await cli([])).code).toBe(2);
    expect((await cli(['frobnicate'])).stderr).toContain('expected a command: report, validate or risk');
  });
});

describe('vendor exports are detected, said, and read by their rules (expected values: test/fixtures/vendors/README.md)', () => {
  test.each([
    ['qualtrics-3row.csv', 'qualtrics', 40, 5],
    ['qualtrics-choice-text.csv', 'qualtrics', 40, 5],
    ['qualtrics-legacy-2row.csv', 'qualtrics-legacy', 40, 5],
    ['surveymonkey.csv', 'surveymonkey', (100 * (3 - 2)) / 7, 7],
    ['typeform-responses.json', 'typeform', (100 * (3 - 2)) / 6, 6],
    ['delighted-responses.json', 'delighted', 12.5, 8],
  ])('%s is read as %s: NPS %d from %i answers', async (name, vendor, score, n) => {
    const { code, stdout } = await cli(['report', join(vendors, name), '--format', 'json']);
    expect(code).toBe(0);
    const report = json(stdout);
    expect(report.source.vendor).toBe(vendor);
    const nps = report.metrics.find((metric) => metric.result['metric'] === 'nps');
    expect(nps?.result.score).toBeCloseTo(score, 10);
    expect(nps?.result.n).toBe(n);
  });

  test('Zendesk ratings are good/bad CSAT with offered and unoffered skipped', async () => {
    const report = json((await cli(['report', join(vendors, 'zendesk-satisfaction-ratings.json'), '--format', 'json'])).stdout);
    expect(report.metrics[0]?.result).toMatchObject({ metric: 'csat', n: 6, responses: { total: 8, answered: 6, skipped: 2, invalid: 0 } });
    expect(report.metrics[0]?.result.score).toBeCloseTo(400 / 6, 10);
  });

  test('--vendor forces a reading, and says so', async () => {
    const report = json((await cli(['report', join(vendors, 'qualtrics-3row.csv'), '--vendor', 'plain', '--nps', 'Q1', '--format', 'json'])).stdout);
    expect(report.source.notes[1]).toBe('read as a plain export: one header row, 20 columns (--vendor)');
    // Read as a plain file, the two header rows and -99 are bad rows: counted, not scored.
    expect(report.metrics[0]?.ingest).toMatchObject({ rejected: 3 });
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// A large file is read by worker threads, each a part of it (src/cli/readInParallel.ts). Threads
// run the built command, so this test runs dist/cli.js (npm test builds before the unit tests).
const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
const built = existsSync(cli);
if (!built && process.env['CI'] !== undefined) throw new Error('dist/cli.js is missing: npm test builds before the unit tests');

/** An export with quoted fields holding commas, quotes and line breaks (so a part must not be cut inside one), bad rows and times. */
function makeExport(rows: number): string {
  const regions = ['north', 'south', '"east, coast"', 'west'];
  const lines = ['id,submitted_at,region,comment,nps'];
  let seed = 7;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(random() * 28);
    const score = random() < 0.02 ? 'n/a' : random() < 0.03 ? '' : random() < 0.005 ? '11' : String(Math.floor(random() * 11));
    const comment = random() < 0.1 ? `"line one\nline ""two"", with a comma"` : 'ok';
    lines.push(`r${i},2026-03-${String(day).padStart(2, '0')}T10:00:00Z,${regions[i % 4]},${comment},${score}`);
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!built)('a large file read by threads gives what one thread gives', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'cx-parallel-')), 'export.csv');
  writeFileSync(path, makeExport(40_000));
  const report = (threads: number, ...args: string[]): string =>
    execFileSync(process.execPath, [cli, 'report', path, '--nps', 'nps', ...args, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, CX_METRICS_THREADS: String(threads), CX_METRICS_PARALLEL_BYTES: '1' } });
  const withoutThreadsNote = (text: string): unknown => {
    const json = JSON.parse(text) as { source: { notes: string[] } };
    json.source.notes = json.source.notes.filter((note) => !note.startsWith('read by'));
    return json;
  };

  test.each([2, 3, 7])('%i threads: the same segments, trend, counts and rejections as one', (threads) => {
    const one = report(1, '--by', 'region', '--time', 'week');
    const many = report(threads, '--by', 'region', '--time', 'week');
    expect(JSON.parse(many).source.notes).toContain(`read by ${threads} threads, each a part of the file`);
    expect(withoutThreadsNote(many)).toEqual(withoutThreadsNote(one));
    const metric = (JSON.parse(one) as { metrics: { ingest: { total: number; rejected: number } }[] }).metrics[0];
    expect(metric?.ingest.total).toBe(40_000);
    expect(metric?.ingest.rejected).toBeGreaterThan(0);
  });
});

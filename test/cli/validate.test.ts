import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'cx-validate-'));
// Line 3 holds a quoted comment with a line break, so the bad rows after it sit one line lower than their index.
const bad = join(temp, 'bad.csv');
writeFileSync(bad, ['response_id,submitted_at,nps,comment', 'r1,2026-03-01T10:00:00Z,10,fine', 'r2,2026-03-01T11:00:00Z,9,"two', 'lines"', 'r3,2026-02-30T11:00:00Z,7,bad date', 'r4,2026-03-02T11:00:00Z,11,out of range', 'r5,2026-03-02T12:00:00Z,,skipped is fine', ''].join('\n'));

describe('cx-metrics validate', () => {
  test('lists every bad row with its file line, column, value and reason, and exits 1', async () => {
    const { code, stdout } = await cli(['validate', bad]);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^line 5  nps  submitted_at  "2026-02-30T11:00:00Z"  invalid_date: expected a date: a Date, epoch milliseconds, or ISO 8601/);
    expect(lines.slice(1)).toEqual([
      'line 6  nps  nps  "11"  out_of_range: expected an integer from 0 to 10 or a label of scale \'nps\', or an empty cell for a skipped answer',
      `${bad}: 5 rows checked (nps from "nps"); 2 bad rows`,
      '',
    ]);
  });

  test('csv and json listings for pipelines', async () => {
    const csv = await cli(['validate', bad, '--format', 'csv']);
    const rows = csv.stdout.split('\n');
    expect(rows[0]).toBe('line,metric,field,column,value,code,expected');
    // The cell as it is in the file, not quoted for display.
    expect(rows[1]).toMatch(/^5,nps,submittedAt,submitted_at,2026-02-30T11:00:00Z,invalid_date,"a date: /);
    expect(rows[2]).toBe('6,nps,score,nps,11,out_of_range,"an integer from 0 to 10 or a label of scale \'nps\', or an empty cell for a skipped answer"');
    const json = JSON.parse((await cli(['validate', bad, '--format', 'json'])).stdout) as { rows: number; badRows: number; issues: { line: number; code: string }[] };
    expect([json.rows, json.badRows, json.issues.map((issue) => [issue.line, issue.code])]).toEqual([5, 2, [[5, 'invalid_date'], [6, 'out_of_range']]]);
  });

  test('a clean file exits 0', async () => {
    const good = join(temp, 'good.csv');
    writeFileSync(good, 'nps\n10\n\n0\n');
    const { code, stdout } = await cli(['validate', good]);
    expect([code, stdout]).toEqual([0, `${good}: 2 rows checked (nps from "nps"); no bad rows\n`]);
  });
});

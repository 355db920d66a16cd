import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'cx-validate-prop-'));

// A row: a comment (maybe quoted with line breaks, quotes and commas) and an NPS cell, good or bad.
const row = fc.record({
  comment: fc.constantFrom('ok', '"two\nlines"', '"a, b"', '"say ""hi"""', '"\n\n"', ''),
  nps: fc.oneof(fc.integer({ min: 0, max: 10 }).map(String), fc.constantFrom('', '11', '-1', 'ten', '7.5')),
  crlf: fc.boolean(),
});

describe('validate names the file line of every bad row', () => {
  test('whatever line breaks the quoted cells before it hold (lines counted independently here)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
        let text = 'comment,nps\n';
        let line = 2;
        const bad: number[] = [];
        for (const { comment, nps, crlf } of rows) {
          if (!/^([0-9]|10)?$/.test(nps)) bad.push(line);
          text += `${comment},${nps}${crlf ? '\r\n' : '\n'}`;
          // The next row starts after every line feed of this one: those in the comment and its own.
          line += (comment.match(/\n/g)?.length ?? 0) + 1;
        }
        const path = join(temp, `file-${run++}.csv`);
        writeFileSync(path, text);
        const { code, stdout } = await cli(['validate', path, '--nps', 'nps', '--format', 'json']);
        const report = JSON.parse(stdout) as { rows: number; badRows: number; issues: { line: number }[] };
        expect(report.issues.map((issue) => issue.line)).toEqual(bad);
        expect([report.rows, report.badRows, code]).toEqual([rows.length, bad.length, bad.length > 0 ? 1 : 0]);
      }),
      { numRuns: 150 },
    );
  });
});

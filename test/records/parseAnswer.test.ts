import { describe, expect, test } from 'vitest';
import { defineScale, parseAnswer, scales } from 'cx-metrics';

describe('parseAnswer reads what real exports contain', () => {
  test.each([
    [9, 9],
    ['9', 9],
    [' 9 ', 9],
    ['+9', 9],
    ['7.0', 7],
    ['10 - Extremely likely', 10],
    ['10 – extremely LIKELY', 10],
    ['0: Not at all likely', 0],
    ['8 - Likely', 8],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [-0, 0],
  ])('%j on the NPS scale is %j', (cell, score) => {
    expect(parseAnswer(cell, scales.nps)).toEqual({ ok: true, score });
  });

  test('labels are read case- and space-insensitively', () => {
    expect(parseAnswer('  strongly   AGREE ', scales.ces7)).toEqual({ ok: true, score: 7 });
    expect(parseAnswer('Very low effort', scales.ces5Effort)).toEqual({ ok: true, score: 1 });
    const easy = defineScale({
      id: 'ease',
      min: 1,
      max: 3,
      polarity: 'higher-is-better',
      bands: [
        { name: 'hard', min: 1, max: 1, sentiment: 'negative' },
        { name: 'ok', min: 2, max: 2, sentiment: 'neutral' },
        { name: 'easy', min: 3, max: 3, sentiment: 'positive' },
      ],
      labels: { 1: 'Very difficult', 3: 'Very easy' },
    });
    expect(parseAnswer('Very easy', easy)).toEqual({ ok: true, score: 3 });
  });

  test('comma decimals only when asked', () => {
    expect(parseAnswer('7,0', scales.nps, { decimalComma: true })).toEqual({ ok: true, score: 7 });
    expect(parseAnswer('7,0', scales.nps).ok).toBe(false);
    expect(parseAnswer('7,5', scales.nps, { decimalComma: true })).toMatchObject({ ok: false, code: 'not_an_integer' });
  });

  test.each([
    ['7.5', 'not_an_integer'],
    [7.5, 'not_an_integer'],
    ['11', 'out_of_range'],
    [-1, 'out_of_range'],
    [NaN, 'not_finite'],
    [Infinity, 'not_finite'],
    [1e309, 'not_finite'],
    ['0x9', 'not_a_number'],
    ['1e1', 'not_a_number'],
    ['1 0', 'not_a_number'],
    ['9 out of 10', 'not_a_number'],
    ['Very likely', 'unknown_label'],
    ['10 - Not at all likely', 'label_mismatch'],
    ['11 - Extremely likely', 'out_of_range'],
    [true, 'invalid_type'],
    [{}, 'invalid_type'],
    [[9], 'invalid_type'],
    [new Date(), 'invalid_type'],
    ['9'.repeat(1001), 'too_long'],
  ])('%j is refused as %s', (cell, code) => {
    const parsed = parseAnswer(cell, scales.nps);
    expect(parsed).toMatchObject({ ok: false, code });
    if (!parsed.ok) expect(parsed.expected).toBe("an integer from 0 to 10 or a label of scale 'nps', or an empty cell for a skipped answer");
  });

  test('a 1 MB string is refused by its length, before any parsing', () => {
    expect(parseAnswer('1'.repeat(1_000_000), scales.nps)).toMatchObject({ ok: false, code: 'too_long' });
  });

  test('parsing is linear: crafted strings under a raised limit finish (a backtracking parser would not)', () => {
    // Each is a known worst case for backtracking patterns such as /^(\d+)\s*-\s*(.+?)\s*$/.
    const crafted = ['1' + ' '.repeat(500_000) + '-', '1'.repeat(500_000) + 'x', ' '.repeat(500_000) + 'a', '1 -' + ' '.repeat(500_000)];
    for (const cell of crafted) expect(parseAnswer(cell, scales.nps, { maxLength: 2_000_000 }).ok).toBe(false);
  });
});

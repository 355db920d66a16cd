import { describe, expect, test } from 'vitest';
import { computeNPS, scales } from 'cx-metrics';
import { talliesFromRows, tallyQuery } from 'cx-metrics/sql';

const query = tallyQuery({ dialect: 'postgresql', from: 'responses', scale: scales.nps, score: 'nps', weight: 'w', by: ['channel'], time: { column: 'at', unit: 'month', timeZone: 'Europe/Berlin' } });

describe('talliesFromRows', () => {
  test('reads rows as drivers return them: bigints, numeric text, numbers, Date or text buckets', () => {
    const rows = [
      { segment_1: 'chat', bucket: '2026-09-01', point: 10, kind: 'answered', answers: 3n, weight_sum: '4.5', weight_square_sum: 7.25 },
      { segment_1: 'chat', bucket: new Date(Date.UTC(2026, 9, 1)), point: 0, kind: 'answered', answers: '1', weight_sum: 2, weight_square_sum: 4 },
      { segment_1: 'chat', bucket: '2026-10-01', point: null, kind: 'skipped', answers: 2, weight_sum: 1, weight_square_sum: 0.5 },
      { segment_1: 'email', bucket: null, point: 9, kind: 'answered', answers: 1, weight_sum: 1, weight_square_sum: 1 },
      { segment_1: 'email', bucket: '2026-09-01', point: null, kind: 'invalid', answers: 4, weight_sum: 4, weight_square_sum: 4 },
    ];
    const tallies = talliesFromRows(rows, query, { onInvalid: 'exclude' });
    expect([tallies.overall.answered, tallies.overall.skipped, tallies.overall.invalid, tallies.undated]).toEqual([5, 2, 4, 1]);
    expect(tallies.groups.map((group) => [group.segment, group.bucket])).toEqual([[['chat'], '2026-09-01'], [['chat'], '2026-10-01'], [['email'], undefined], [['email'], '2026-09-01']]);
    // Weighted NPS of chat: promoters 4.5, detractors 2 of 6.5 answered weight.
    const chat = tallies.segmentTable().segments.find((row) => row.key[0] === 'chat');
    expect(chat?.result?.score).toBeCloseTo((100 * (4.5 - 2)) / 6.5, 12);
    const series = tallies.trend();
    expect(series.buckets.map((bucket) => [bucket.label, bucket.n])).toEqual([['2026-09', 3], ['2026-10', 1]]);
    expect(series.rows).toMatchObject({ undated: 1 });
    expect(computeNPS(tallies.overall, { onInvalid: 'exclude' }).responses).toEqual({ total: 11, answered: 5, skipped: 2, invalid: 4 });
  });

  test('nothing is dropped silently: invalid answers and bad weights throw by default; excluded, they are counted', () => {
    const invalid = [{ segment_1: 'chat', bucket: null, point: null, kind: 'invalid', answers: 2, weight_sum: 2, weight_square_sum: 2 }];
    expect(() => talliesFromRows(invalid, query)).toThrow(expect.objectContaining({ code: 'invalid_answers' }));
    const badWeight = [{ segment_1: 'chat', bucket: null, point: null, kind: 'invalid_weight', answers: 3, weight_sum: 0, weight_square_sum: 0 }];
    expect(() => talliesFromRows(badWeight, query, { onInvalid: 'exclude' })).toThrow("talliesFromRows: expected answers with a weight that is finite and at least 0 (not missing, negative, infinite or NaN; onInvalidWeight: 'exclude' leaves them out and counts them), got \"3 with a bad weight\" at rows");
    const excluded = talliesFromRows([...badWeight, { segment_1: 'chat', bucket: null, point: 9, kind: 'answered', answers: 2, weight_sum: 3, weight_square_sum: 5 }], query, { onInvalidWeight: 'exclude' });
    expect([excluded.invalidWeights, excluded.overall.total, excluded.overall.answered]).toEqual([3, 2, 2]);
    // Counts without examples: one issue carrying the count, with what to do.
    expect(() => talliesFromRows(invalid, query)).toThrow("talliesFromRows: expected answers from 0 to 10 (onInvalid: 'exclude' counts the others as invalid), got 2 invalid answers (counted without examples) at rows");
  });

  test('segmentTable() without segment columns says where the score is', () => {
    const plain = tallyQuery({ dialect: 'duckdb', from: 'responses', scale: scales.nps, score: 'nps' });
    expect(() => talliesFromRows([{ bucket: null, point: 9, kind: 'answered', answers: 2 }], plain).segmentTable()).toThrow(/segmentTable: expected a tallyQuery with segment columns \(spec.by\); without them the score is in overall: computeNPS\(tallies.overall\)/);
  });

  test('rows that are not the query’s are refused with where and why', () => {
    expect(() => talliesFromRows([{ segment_1: 'a', bucket: null, point: 9, kind: 'answerd', answers: 1 }], query)).toThrow(/expected a kind of 'answered', 'skipped', 'invalid', 'invalid_weight'.* at rows\[0\]\.kind/);
    expect(() => talliesFromRows([{ bucket: null, point: 9, kind: 'answered', answers: 1, weight_sum: 1, weight_square_sum: 1 }], query)).toThrow(/expected a column segment_1 .* at rows\[0\]\.segment_1/);
    expect(() => talliesFromRows([{ segment_1: 'a', bucket: '26-9-1', point: 9, kind: 'answered', answers: 1, weight_sum: 1, weight_square_sum: 1 }], query)).toThrow(/expected a bucket as YYYY-MM-DD text or a Date.* at rows\[0\]\.bucket/);
    expect(() => talliesFromRows([{ segment_1: 'a', bucket: null, point: 12, kind: 'answered', answers: 1, weight_sum: 1, weight_square_sum: 1 }], query)).toThrow(expect.objectContaining({ code: 'invalid_tally' }));
    expect(() => talliesFromRows([{ segment_1: 'a', bucket: null, point: 9, kind: 'answered', answers: -1, weight_sum: 1, weight_square_sum: 1 }], query)).toThrow(/at rows\[0\]\.answers/);
  });

  test('no rows: empty tallies, an empty table, never NaN', () => {
    const tallies = talliesFromRows([], query);
    expect(tallies.overall.total).toBe(0);
    expect(tallies.segmentTable().overall.score).toBeUndefined();
  });
});

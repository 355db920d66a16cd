import { describe, expect, test } from 'vitest';
import { compareNPS, computeNPS, ingest, scales, segmentBy, segmentByAsync } from 'cx-metrics';

const rows = [
  ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 6 : 10, channel: 'chat', plan: i % 2 === 0 ? 'pro' : 'free' })),
  ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 10 : 3, channel: 'phone', plan: i % 2 === 0 ? 'pro' : 'free' })),
  ...Array.from({ length: 10 }, () => ({ score: 8, channel: 'email', plan: 'pro' })),
];
const { records } = ingest(rows, { scale: scales.nps, attributes: ['channel', 'plan'] });

describe('segmentBy', () => {
  test('gives every segment its full result, and the overall', () => {
    const table = segmentBy(records, 'channel');
    expect(table.segments.map((segment) => [segment.key, segment.n, segment.result?.score])).toEqual([
      [['chat'], 40, 50],
      [['phone'], 40, -50],
      [['email'], 10, 0],
    ]);
    expect(table.overall.score).toBeCloseTo(computeNPS(records).score as number, 12);
    expect(table.overall.n).toBe(90);
  });

  test('compares each segment with the rest, with Holm-adjusted p-values over the table', () => {
    const table = segmentBy(records, 'channel');
    const phone = table.get('phone');
    const rest = records.filter((record) => record.attributes['channel'] !== 'phone');
    const expected = compareNPS(records.filter((record) => record.attributes['channel'] === 'phone'), rest);
    expect(phone?.comparison?.difference).toBeCloseTo(expected.difference as number, 10);
    expect(phone?.comparison?.pValue).toBeCloseTo(expected.pValue as number, 12);
    const raw = table.segments.map((segment) => segment.comparison?.pValue as number);
    const sorted = [...raw].sort((a, b) => a - b);
    // Holm: the smallest raw p-value is multiplied by the number of tests.
    expect(table.segments[raw.indexOf(sorted[0] as number)]?.comparison?.adjustedPValue).toBeCloseTo(Math.min(1, 3 * (sorted[0] as number)), 12);
    const vsOverall = segmentBy(records, 'channel', { compareWith: 'overall', adjust: 'benjamini-hochberg' });
    expect(vsOverall.get('chat')?.comparison?.against).toBe('overall');
    expect(segmentBy(records, 'channel', { compareWith: 'none' }).get('chat')?.comparison).toBeUndefined();
  });

  test('marks small segments unreliable, and suppresses their scores when asked', () => {
    expect(segmentBy(records, 'channel').get('email')?.reliable).toBe(false);
    const suppressed = segmentBy(records, 'channel', { suppressSmall: true }).get('email');
    expect([suppressed?.suppressed, suppressed?.result, suppressed?.comparison, suppressed?.n]).toEqual([true, undefined, undefined, 10]);
    expect(segmentBy(records, 'channel', { minimumN: 5 }).get('email')?.reliable).toBe(true);
  });

  test('cross-tabs by several fields, and by an accessor', () => {
    const table = segmentBy(records, ['channel', 'plan']);
    expect(table.segments).toHaveLength(5);
    expect(table.get('chat', 'pro')?.n).toBe(20);
    const byScore = segmentBy(records, (record) => ((record.score ?? 0) >= 9 ? 'high' : 'low'));
    expect(byScore.get('high')?.result?.score).toBe(100);
    expect(byScore.by).toEqual(['(function)']);
  });

  test('any string is a segment name: __proto__ and constructor included', () => {
    const hostile = ingest(
      [
        { score: 10, segment: '__proto__' },
        { score: 0, segment: 'constructor' },
        { score: 9, segment: '__proto__' },
      ],
      { scale: scales.nps, attributes: ['segment'] },
    ).records;
    const table = segmentBy(hostile, 'segment', { minimumN: 1 });
    expect(table.get('__proto__')?.n).toBe(2);
    expect(table.get('constructor')?.result?.score).toBe(-100);
    expect(({} as Record<string, unknown>)['n']).toBeUndefined();
  });

  test('reads plain rows through accessors, and async iterables', async () => {
    const plain = segmentBy(rows, 'channel', { scale: scales.nps, value: (row) => row.score });
    expect(plain.get('chat')?.result?.score).toBe(50);
    async function* stream(): AsyncGenerator<(typeof rows)[number]> {
      yield* rows;
    }
    const streamed = await segmentByAsync(stream(), 'channel', { scale: scales.nps, value: (row) => row.score });
    expect(streamed.segments.map((segment) => segment.n)).toEqual([40, 40, 10]);
  });

  test('every answer is accounted for, per segment and overall', () => {
    const messy = [...rows.slice(0, 5), { score: 11, channel: 'chat', plan: 'pro' }, { score: null, channel: 'chat', plan: 'pro' }];
    const table = segmentBy(messy, 'channel', { scale: scales.nps, value: (row) => row.score, onInvalid: 'exclude', minimumN: 1 });
    expect(table.overall.responses).toEqual({ total: 7, answered: 5, skipped: 1, invalid: 1 });
    expect(() => segmentBy(messy, 'channel', { scale: scales.nps, value: (row) => row.score })).toThrow(expect.objectContaining({ code: 'invalid_answers' }));
  });

  test('refuses a segment value that is an object, and bad options', () => {
    expect(() => segmentBy([{ score: 9, tag: { a: 1 } }], 'tag', { scale: scales.nps, value: (row) => row.score })).toThrow(/segment value that is a string/);
    expect(() => segmentBy(records, 'channel', { adjust: 'fdr' as never })).toThrow(/options.adjust/);
    expect(() => segmentBy(records, 'channel', { satisfied: { min: 4, max: 5 } })).toThrow(/an option of NPS/);
  });
});

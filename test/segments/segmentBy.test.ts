import { describe, expect, test } from 'vitest';
import { compareNPS, computeNPS, CxMetricsError, ingest, scales, segmentBy, segmentByAsync } from 'cx-metrics';

const rows = [
  ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 6 : 10, channel: 'chat', plan: i % 2 === 0 ? 'pro' : 'free' })),
  ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 10 : 3, channel: 'phone', plan: i % 2 === 0 ? 'pro' : 'free' })),
  ...Array.from({ length: 10 }, () => ({ score: 8, channel: 'email', plan: 'pro' })),
];
const { records } = ingest(rows, { scale: scales.nps, score: 'score', channel: 'channel', attributes: ['plan'] });

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
    const rest = records.filter((record) => record.channel !== 'phone');
    const expected = compareNPS(records.filter((record) => record.channel === 'phone'), rest);
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
      { scale: scales.nps, score: 'score', attributes: ['segment'] },
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
    expect(() => segmentBy([{ score: 9, tag: { a: 1 } }], 'tag', { scale: scales.nps, value: (row) => row.score })).toThrow(/segment key value that is a string/);
    expect(() => segmentBy(records, 'channel', { adjust: 'fdr' as never })).toThrow(/options.adjust/);
    expect(() => segmentBy(records, 'channel', { satisfied: { min: 4, max: 5 } })).toThrow(/an option of NPS/);
  });

  test('a name means one thing: a record field when it is one, else an attribute; a name no row has is an error with the near names', () => {
    // The README's case: the wire form with the channel at the top level gives one segment per channel.
    const wire = ingest(
      [
        { score: 10, channel: 'chat', attributes: { plan: 'pro' } },
        { score: 4, channel: 'phone', attributes: { plan: 'free' } },
      ],
      { scale: scales.nps },
    ).records;
    expect(segmentBy(wire, 'channel', { minimumN: 1 }).segments.map((segment) => [segment.key[0], segment.n])).toEqual([
      ['chat', 1],
      ['phone', 1],
    ]);
    expect(segmentBy(wire, 'plan', { minimumN: 1 }).segments.map((segment) => segment.key[0])).toEqual(['pro', 'free']);
    expect(() => segmentBy(wire, 'chanel')).toThrow(/segmentBy: expected a record field with values or an attribute that some row has \(did you mean "channel"\?\), got "chanel" at by/);
    expect(() => segmentBy(wire, 'touchpoint')).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => segmentBy(rows, 'Channel', { scale: scales.nps, value: 'score' })).toThrow(/did you mean "channel"\?\), got "Channel" at by/);
    expect(() => segmentBy(records, ['channel', 'plna'])).toThrow(/did you mean "plan"\?\), got "plna" at by\[1\]/);
    // Rows that lack a name other rows have are the segment whose key is undefined: visible, counted.
    const mixed = segmentBy([{ s: 9, region: 'EU' }, { s: 3 }], 'region', { scale: scales.nps, value: 's', minimumN: 1 });
    expect(mixed.segments.map((segment) => [segment.key[0], segment.n])).toEqual([
      ['EU', 1],
      [undefined, 1],
    ]);
  });

  test('value and weights may be field names too; a value field no row has is an error, a row without it an invalid answer', () => {
    expect(segmentBy(rows, 'channel', { scale: scales.nps, value: 'score' }).get('chat')?.result?.score).toBe(50);
    expect(() => segmentBy(rows, 'channel', { scale: scales.nps, value: 'nps' })).toThrow(/expected a field that rows have, got "nps" at options.value/);
    const table = segmentBy([{ nps: 9, g: 'a' }, { g: 'a' }], 'g', { scale: scales.nps, value: 'nps', onInvalid: 'exclude', minimumN: 1 });
    expect(table.get('a')?.result?.responses).toEqual({ total: 2, answered: 1, skipped: 0, invalid: 1 });
    expect(table.get('a')?.tally.invalidAnswers[0]).toEqual({ index: 1, code: 'missing_column', received: 'no such field' });
  });

  test('errors name the function the caller called and the row', () => {
    let error: unknown;
    try {
      segmentBy([{ s: 9, g: 'a' }, { s: 11, g: 'b' }], 'g', { scale: scales.nps, value: 's' });
    } catch (caught) {
      error = caught;
    }
    expect((error as CxMetricsError).message).toBe('segmentBy: expected an integer from 0 to 10, or null/undefined for a skipped answer, got 11 at rows[1]');
    expect(() => compareNPS([9], [11])).toThrow('compareNPS: expected an integer from 0 to 10, or null/undefined for a skipped answer, got 11 at b[0]');
    expect(() => segmentBy(records, 'channel', { satisfied: { min: 4, max: 5 } })).toThrow(/^segmentBy: expected an option of NPS/);
  });

  test('every option is checked before a row is read: a typo must not cost a pass over a large file', () => {
    let read = 0;
    function* counted(): Generator<{ score: number; channel: string }> {
      for (const row of rows) {
        read++;
        yield row;
      }
    }
    expect(() => segmentBy(counted(), 'channel', { scale: scales.nps, value: 'score', minimumN: -1 })).toThrow(/options.minimumN/);
    expect(() => segmentBy(counted(), 'channel', { scale: scales.nps, value: 'score', adjust: 'holmes' as never })).toThrow(/options.adjust/);
    expect(() => segmentBy(counted(), 'channel', { scale: scales.nps, value: 'score', level: 2 })).toThrow(/options.level/);
    expect(read).toBe(0);
    // Without a scale, the metric's options are checked at the first record, before the rest.
    expect(() => segmentBy(records, 'channel', { level: 2 })).toThrow(/options.level/);
  });

  test('refuses what it cannot read, instead of crashing or guessing', () => {
    expect(() => segmentBy(records, 'channel', { suppressSmall: 'yes' as never })).toThrow(/expected true or false, got "yes" at options.suppressSmall/);
    expect(() => segmentBy([...records.slice(0, 2), { score: 9 } as never], 'channel')).toThrow(/a record made by ingest, like the first row/);
    expect(() => segmentBy(rows, (row, index) => (index === 0 ? row.channel : [row.channel, row.plan]), { scale: scales.nps, value: 'score' })).toThrow(
      /expected a key shaped like the first row's: a single value, not an array, got an array of length 2 at rows\[1\].key/,
    );
    expect(() => segmentBy({ length: Infinity } as never, 'channel', { scale: scales.nps, value: 'score' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => segmentBy(records, 'channel', null as never)).toThrow(/expected an options object, got null at options/);
    expect(() => segmentBy(records, 'channel', { signal: new AbortController().signal })).toThrow(/segmentByAsync takes one/);
    // A hole is a row: refused as an invalid answer (in the segment of no key), never skipped over.
    // eslint-disable-next-line no-sparse-arrays
    const holes = segmentBy([{ s: 9, g: 'a' }, , { s: 3, g: 'a' }] as { s: number; g: string }[], 'g', { scale: scales.nps, value: 's', onInvalid: 'exclude', minimumN: 1 });
    expect([holes.rows, holes.overall.responses.invalid, holes.get(undefined)?.tally.invalidAnswers[0]?.code]).toEqual([3, 1, 'hole']);
  });
});

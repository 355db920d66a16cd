import { describe, expect, test } from 'vitest';
import { thrown } from '../support/thrown.js';
import { computeNPS, convertTally, CxMetricsError, ingest, mergeTallies, scales, Tally, TallyBuilder, tallyAnswers, tallyAnswersAsync, tallyCounts } from 'cx-metrics';

const nps = scales.nps;

describe('tallyAnswers reads every kind of input', () => {
  const expected = [0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 2];

  test.each([
    ['an array', [10, 9, 3, 10, 8]],
    ['a frozen array', Object.freeze([10, 9, 3, 10, 8])],
    ['a Uint8Array', Uint8Array.from([10, 9, 3, 10, 8])],
    ['an Int32Array', Int32Array.from([10, 9, 3, 10, 8])],
    ['a Float64Array', Float64Array.from([10, 9, 3, 10, 8])],
    ['a Set', new Set([10, 9, 3, 8]).add(11).add(10)],
    ['an array-like object', { length: 5, 0: 10, 1: 9, 2: 3, 3: 10, 4: 8 }],
  ])('counts %s', (_name, input) => {
    const tally = tallyAnswers(input as Iterable<unknown>, { scale: nps, maxInvalidExamples: 5 });
    expect(tally.counts.slice(0, 10)).toEqual(expected.slice(0, 10));
  });

  test('reads a generator, and rows through an accessor with their index', () => {
    function* answers(): Generator<number | null> {
      yield 10;
      yield null;
      yield 4;
    }
    expect(tallyAnswers(answers(), { scale: nps }).counts[10]).toBe(1);
    const seen: number[] = [];
    const rows = [{ nps: '9' }, { nps: 9 }];
    const tally = tallyAnswers(rows, {
      scale: nps,
      value: (row, index) => {
        seen.push(index);
        return row.nps;
      },
    });
    expect(seen).toEqual([0, 1]);
    expect([tally.answered, tally.invalid]).toEqual([1, 1]);
    expect(tally.invalidAnswers[0]).toEqual({ index: 0, code: 'not_a_number', received: '"9"' });
  });

  test('counts large byte arrays a word at a time, at any alignment, with invalid bytes found by index', () => {
    const buffer = new Uint8Array(10_003);
    for (let i = 0; i < buffer.length; i++) buffer[i] = (i * 7) % 11;
    buffer[5000] = 200;
    buffer[10_002] = 11;
    for (const start of [0, 1, 2, 3]) {
      const bytes = buffer.subarray(start);
      const tally = tallyAnswers(bytes, { scale: nps, offset: start });
      // Independent count with a plain loop.
      const counts = new Array<number>(11).fill(0);
      let invalid = 0;
      for (const value of bytes) value <= 10 ? counts[value]!++ : invalid++;
      expect(tally.counts).toEqual(counts);
      expect(tally.invalid).toBe(invalid);
      expect(tally.invalidAnswers.map((answer) => answer.index)).toEqual([5000, 10_002]);
    }
  });

  test('keeps the accounting: answered + skipped + invalid = inputs', () => {
    const tally = tallyAnswers([10, null, undefined, NaN, 11, -1, 7.5, '8', true, {}, [], 0], { scale: nps });
    expect([tally.answered, tally.skipped, tally.invalid, tally.total]).toEqual([2, 2, 8, 12]);
    expect(tally.invalidAnswers.map((answer) => answer.code)).toEqual([
      'not_finite',
      'out_of_range',
      'out_of_range',
      'not_an_integer',
      'not_a_number',
      'not_a_number',
      'not_a_number',
      'not_a_number',
    ]);
  });

  test('keeps a bounded number of examples but counts every invalid answer', () => {
    const tally = tallyAnswers(new Array(1000).fill(42), { scale: nps, maxInvalidExamples: 3 });
    expect(tally.invalid).toBe(1000);
    expect(tally.invalidAnswers.map((answer) => answer.index)).toEqual([0, 1, 2]);
  });

  test('sums weights and their squares per point, and weighs skipped answers too', () => {
    const tally = tallyAnswers([10, 10, 0, null], { scale: nps, weights: [2, 0.5, 3, 4] });
    expect(tally.weighted).toBe(true);
    expect([tally.weightSums[10], tally.weightSquareSums[10], tally.weightSums[0]]).toEqual([2.5, 4.25, 3]);
    expect([tally.skippedWeight, tally.skippedWeightSquares]).toEqual([4, 16]);
    const byAccessor = tallyAnswers([{ s: 10, w: 2 }], { scale: nps, value: (row) => row.s, weights: (row) => row.w });
    expect(byAccessor.weightSums[10]).toBe(2);
  });

  test('refuses bad weights, listing all of them, and weights of the wrong length', () => {
    let error: unknown;
    try {
      tallyAnswers([1, 2, 3], { scale: nps, weights: [1, -2, NaN] });
    } catch (caught) {
      error = caught;
    }
    expect((error as CxMetricsError).code).toBe('invalid_weights');
    expect((error as CxMetricsError).issues.map((issue) => issue.path)).toEqual([['weights', 1], ['weights', 2]]);
    expect(() => tallyAnswers([1, 2, 3], { scale: nps, weights: [1, 1] })).toThrow('tallyAnswers: expected 3 weights, one per answer, got "2 weights" at options.weights');
  });

  test('refuses inputs that are not lists and options it does not know', () => {
    expect(() => tallyAnswers(42 as never, { scale: nps, weights: [] })).toThrow(/tallyAnswers: expected an array, typed array or iterable of answers, got 42/);
    expect(() => tallyAnswers([1], { scale: nps, levle: 0.9 } as never)).toThrow(/tallyAnswers: expected a known option name .* got "levle" at options.levle/);
    expect(() => tallyAnswers([1], {} as never)).toThrow(/options.scale/);
  });

  test('tallyAnswersAsync reads async iterables', async () => {
    async function* stream(): AsyncGenerator<{ score: number | null }> {
      for (const score of [9, 10, null, 2]) yield { score };
    }
    const tally = await tallyAnswersAsync(stream(), { scale: nps, value: (row) => row.score });
    expect([tally.answered, tally.skipped]).toEqual([3, 1]);
    await expect(tallyAnswersAsync(stream(), { scale: nps, weights: [1] })).rejects.toThrow(/4 weights, one per answer/);
  });
});

describe('TallyBuilder', () => {
  test('streams answers one at a time into the same tally as a batch', () => {
    const answers = [10, 9, null, 3, 'x', 7];
    const builder = new TallyBuilder({ scale: nps });
    for (const answer of answers) builder.add(answer);
    expect(builder.toTally()).toEqual(tallyAnswers(answers, { scale: nps }));
    expect(builder.total).toBe(6);
  });

  test('refuses a bad weight without adding the answer', () => {
    const builder = new TallyBuilder({ scale: nps });
    expect(() => builder.add(10, -1)).toThrow(/TallyBuilder.add: expected a weight of 0, or from 1e-100 to 1e\+100, got -1 at weight/);
    expect(builder.total).toBe(0);
  });
});

describe('tallyCounts', () => {
  test('accepts arrays, objects and Maps of counts', () => {
    const fromArray = tallyCounts(scales.csat5, [1, 2, 3, 4, 5]);
    expect(tallyCounts(scales.csat5, { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 }).counts).toEqual(fromArray.counts);
    expect(tallyCounts(scales.csat5, new Map([[5, 5], [1, 1], [2, 2], [3, 3], [4, 4]])).counts).toEqual(fromArray.counts);
  });

  test('checks every count', () => {
    let error: unknown;
    try {
      tallyCounts(scales.csat5, { 0: 1, 2: -1, 3: 1.5 });
    } catch (caught) {
      error = caught;
    }
    expect((error as CxMetricsError).code).toBe('invalid_tally');
    expect((error as CxMetricsError).issues).toHaveLength(3);
  });
});

describe('mergeTallies and convertTally', () => {
  test('merges counts, weights and accounting', () => {
    const a = tallyAnswers([10, null, 'x'], { scale: nps });
    const b = tallyAnswers([10, 2], { scale: nps, weights: [2, 1], offset: 3 });
    const merged = mergeTallies([a, b]);
    expect([merged.answered, merged.skipped, merged.invalid, merged.weighted]).toEqual([3, 1, 1, true]);
    expect(merged.weightSums[10]).toBe(3);
  });

  test('refuses to merge different scales (scale_mismatch), even CES variants of one length', () => {
    const a = tallyAnswers([1], { scale: scales.ces5 });
    const b = tallyAnswers([1], { scale: scales.ces5Effort });
    expect(() => mergeTallies([a, b] as never)).toThrow(expect.objectContaining({ code: 'scale_mismatch' }));
  });

  test('converts explicitly, and refuses a mapping off the target scale', () => {
    const effort = tallyAnswers([1, 1, 5], { scale: scales.ces5Effort });
    expect(convertTally(effort, scales.ces5, (point) => 6 - point).counts).toEqual([1, 0, 0, 0, 2]);
    expect(() => convertTally(effort, scales.ces5, (point) => point + 1)).toThrow(/convertTally: expected a point of scale 'ces5', from 1 to 5, got 6 at mapPoint\[5\]/);
  });
});

describe('Tally JSON', () => {
  test('round-trips through JSON, weighted or not', () => {
    for (const tally of [tallyAnswers([10, null, 'bad', 3], { scale: nps }), tallyAnswers([1, 5], { scale: scales.ces5Effort, weights: [0.5, 2] })]) {
      const copy = Tally.fromJSON(JSON.parse(JSON.stringify(tally)));
      expect(copy.toJSON()).toEqual(tally.toJSON());
    }
  });

  test('refuses malformed JSON with every problem listed', () => {
    const json = JSON.parse(JSON.stringify(tallyAnswers([10], { scale: nps })));
    expect(() => Tally.fromJSON({ ...json, format: 'other' })).toThrow(expect.objectContaining({ code: 'invalid_tally' }));
    expect(() => Tally.fromJSON({ ...json, counts: [1, 2] })).toThrow(/an array of 11 numbers, one per point of scale 'nps'/);
    expect(() => Tally.fromJSON({ ...json, skipped: -1, invalid: 0.5 })).toThrow(/2 problems/);
    expect(() => Tally.fromJSON({ ...json, scale: { ...json.scale, max: 3 } })).toThrow(expect.objectContaining({ code: 'invalid_scale' }));
  });

  test('tallies are frozen', () => {
    const tally = tallyAnswers([1, 2], { scale: nps });
    expect(Object.isFrozen(tally) && Object.isFrozen(tally.counts)).toBe(true);
  });
});

describe('tallies from outside: tallyCounts takes what database drivers return', () => {
  test('a GROUP BY result: keys and counts as drivers give them (numbers, bigints, strings), the NULL group as skipped answers', () => {
    // node-postgres returns count(*) (a bigint column) as a string; DuckDB as a bigint.
    const rows = [
      { score: 10, n: '40' },
      { score: 9, n: 20n },
      { score: 8, n: 15 },
      { score: '7', n: 5 },
      { score: 3n, n: '20' },
      { score: null, n: 7 },
    ];
    const tally = tallyCounts(scales.nps, rows, { columns: { point: 'score', count: 'n' } });
    expect([tally.answered, tally.skipped, tally.total]).toEqual([100, 7, 107]);
    expect(tally.counts[10]).toBe(40);
    // The NULL group is never point 0: the NPS of all promoters stays 100.
    expect(computeNPS(tallyCounts(scales.nps, [{ point: 10, count: 3 }, { point: null, count: 5 }])).score).toBe(100);
  });

  test('refuses duplicates and non-canonical keys: 9 and "9" are one point, and "9.0", " 9 ", "0x9", "1e1", "", false are no points', () => {
    const error = (() => {
      try {
        tallyCounts(scales.nps, new Map<unknown, number>([[9, 1], ['9', 2], ['9.0', 1], [' 9 ', 1], ['0x9', 1], ['1e1', 1], ['', 1], [false, 1], ['09', 1]]) as never);
      } catch (caught) {
        return caught as CxMetricsError;
      }
      throw new Error('no error');
    })();
    expect(error.code).toBe('invalid_tally');
    expect(error.issues.map((issue) => issue.code)).toEqual(['duplicate', 'invalid_value', 'invalid_value', 'invalid_value', 'invalid_value', 'invalid_value', 'invalid_value', 'invalid_value']);
    expect(() => tallyCounts(scales.nps, { 9: 1, '09': 2 })).toThrow(/canonical integer string/);
    expect(() => tallyCounts(scales.nps, [{ point: null, count: 1 }, { point: null, count: 2 }])).toThrow(/one NULL group/);
    expect(() => tallyCounts(scales.nps, [{ point: null, count: 1 }], { skipped: 2 })).toThrow(/a NULL point or options.skipped, not both/);
    expect(() => tallyCounts(scales.nps, [{ point: 9 }] as never)).toThrow(/a column "count" in every row/);
    expect(() => tallyCounts(scales.nps, { 9: '12.0' })).toThrow(/a count: a whole number/);
  });

  test('a weighted GROUP BY comes back exactly: Σw and Σw² per point, and for the NULL group', () => {
    // Answers 10 (w 2), 10 (w 1), 0 (w 1.5), skipped (w 0.5), as SELECT score, count(*), sum(w), sum(w*w) would give them.
    const rows = [
      { point: 10, count: 2n, weightSum: '3', weightSquareSum: 5 },
      { point: 0, count: 1, weightSum: 1.5, weightSquareSum: '2.25' },
      { point: null, count: 1, weightSum: 0.5, weightSquareSum: 0.25 },
    ];
    const fromRows = tallyCounts(scales.nps, rows);
    const fromAnswers = tallyAnswers([10, 10, 0, null], { scale: scales.nps, weights: [2, 1, 1.5, 0.5] });
    expect(fromRows.toJSON()).toEqual(fromAnswers.toJSON());
    const fromObjects = tallyCounts(scales.nps, { 10: 2, 0: 1 }, { weightSums: { 10: 3, 0: 1.5 }, weightSquareSums: { 10: 5, 0: 2.25 }, skipped: 1, skippedWeight: 0.5, skippedWeightSquares: 0.25 });
    expect(fromObjects.toJSON()).toEqual(fromAnswers.toJSON());
    expect(computeNPS(fromRows, { denominator: 'all' }).score).toBeCloseTo((100 * (3 - 1.5)) / 5, 12);
  });

  test('refuses weighted sums that no answers could have: weight without answers, Σw² inconsistent with Σw', () => {
    expect(() => tallyCounts(scales.nps, [{ point: 9, count: 0, weightSum: 2, weightSquareSum: 4 }])).toThrow(/no weight where there are no answers/);
    // 3 answers whose Σw² would make the effective n 3e300.
    expect(() => tallyCounts(scales.nps, [{ point: 9, count: 3, weightSum: 1e150, weightSquareSum: 1e-150 }])).toThrow(/effective n cannot exceed the 3 answers/);
    expect(() => tallyCounts(scales.nps, [{ point: 9, count: 2, weightSum: 1, weightSquareSum: 4 }])).toThrow(/since no weight is negative/);
    expect(() => tallyCounts(scales.nps, { 9: 3 }, { weightSums: { 9: 3 } })).toThrow(/weightSums and weightSquareSums together/);
  });
});

describe('tallyCounts row lists: every row a row, every column name meant', () => {
  test('a row list with a stray entry refuses the entry instead of reading the list as per-point counts', () => {
    const error = thrown(() => tallyCounts(nps, [{ point: 10, count: 3 }, 5] as never));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_type', path: ['counts', 1] });
  });

  test('a column near an expected name (weight_sum for weightSum) is a misspelling, not an unweighted tally', () => {
    const rows = [{ point: 10, count: 2, weight_sum: 3, weightSquareSum: 5 }];
    const error = thrown(() => tallyCounts(nps, rows));
    expect(error.message).toMatch(/expected the column name "weightSum" \(or name it in options.columns\), got "weight_sum" at counts\[0\].weight_sum; expected a column "weightSum" in every row/);
    expect(error.issues).toHaveLength(2);
    expect(thrown(() => tallyCounts(nps, [{ point: 10, Count: 2 }])).issues.map((issue) => issue.code)).toEqual(['unknown_name', 'missing_column']);
    // Unrelated columns (a segment, a label) are left alone.
    expect(tallyCounts(nps, [{ point: 10, count: 2, channel: 'chat' }]).answered).toBe(2);
  });

  test('Σw for a NULL group that the counts do not have is refused, not dropped', () => {
    const counts = new Map<number | null, number>([[10, 2]]);
    const error = thrown(() => tallyCounts(nps, counts, { weightSums: new Map([[10, 3], [null, 1]]), weightSquareSums: new Map([[10, 5]]) }));
    expect(error.message).toMatch(/a NULL key only when the counts have a NULL group/);
  });

  test('sums no weights could have are refused: a positive Σw below the smallest weight; rounding never lifts the effective n above n', () => {
    expect(() => tallyCounts(nps, [{ point: 10, count: 1, weightSum: 1e-300, weightSquareSum: 1e-300 }])).toThrow(/weight sums of answers whose weights are 0 or at least 1e-100/);
    expect(() => tallyCounts(nps, [{ point: 10, count: 1, weightSum: 0, weightSquareSum: 1 }])).toThrow(expect.objectContaining({ code: 'invalid_tally' }));
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004 and Σw² = 0.030000000000000006: (Σw)²/Σw² = 3.0000000000000004 in floating point.
    const result = computeNPS([9, 9, 9], { weights: [0.1, 0.1, 0.1] });
    expect(result.effectiveN).toBe(3);
    const tally = tallyAnswers([9, 9, 9], { scale: nps, weights: [0.1, 0.1, 0.1] });
    expect(computeNPS(Tally.fromJSON(JSON.parse(JSON.stringify(tally)))).effectiveN).toBe(3);
  });
});

describe('Tally.fromJSON checks every invariant a tally has', () => {
  const json = JSON.parse(JSON.stringify(tallyAnswers([10, 9, null, 'x'], { scale: nps, weights: [1, 2, 1, 1] }))) as Record<string, unknown>;

  test.each([
    ['weight at a point with no answers', { weightSums: [1, ...(json['weightSums'] as number[]).slice(1)] }, /no weight where there are no answers/],
    ['Σw² inconsistent with Σw', { weightSquareSums: (json['weightSquareSums'] as number[]).map((value) => value / 1e6) }, /effective n cannot exceed/],
    ['a count that is not whole', { counts: (json['counts'] as number[]).map((value, index) => (index === 10 ? 1.5 : value)) }, /a whole number of at least 0/],
    ['totals that do not add up', { total: 5 }, /total equal to 4/],
    ['more examples than invalid answers', { invalid: 0, total: 3 }, /at most 0 invalid-answer examples/],
    ['an example with an unknown code', { invalidAnswers: [{ index: 3, code: 'nonsense', received: '"x"' }] }, /a known issue code/],
    ['an unknown key', { weightSum: [] }, /a known tally key/],
  ])('refuses %s', (_name, change, message) => {
    expect(() => Tally.fromJSON({ ...json, ...change })).toThrow(message);
  });

  test('still reads back every tally it writes', () => {
    expect(Tally.fromJSON(json).toJSON()).toEqual(json);
  });
});

describe('holes, missing weights and names', () => {
  test('an array hole is an invalid answer (code hole), never a skipped one', () => {
    // eslint-disable-next-line no-sparse-arrays
    const tally = tallyAnswers([10, , 9], { scale: nps });
    expect([tally.answered, tally.skipped, tally.invalid, tally.invalidAnswers[0]]).toEqual([2, 0, 1, { index: 1, code: 'hole', received: 'a hole' }]);
    expect(() => computeNPS([10, , 9])).toThrow('computeNPS: expected an integer from 0 to 10, or null/undefined for a skipped answer, got a hole at index 1');
  });

  test('a missing weight (undefined, a hole, an accessor returning undefined) is an error, never read as 1', () => {
    expect(() => computeNPS([10, 0, 0], { weights: [1, undefined as never, 1] })).toThrow(/every answer needs a weight once weights are given, got undefined at weights\[1\]/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => computeNPS([10, 0, 0], { weights: [1, , 1] as number[] })).toThrow(expect.objectContaining({ code: 'invalid_weights' }));
    expect(() => computeNPS([{ s: 10 }, { s: 0, w: 1 }], { value: 's', weights: (row) => row.w })).toThrow(/got undefined at index 0/);
  });

  test('records with and without weights do not mix', () => {
    const { records } = ingest([{ score: 10, weight: 2 }, { score: 0 }], { scale: nps });
    expect(() => computeNPS(records)).toThrow(/a weight on every record or on none .* at rows\[1\].weight|a weight on every record or on none/);
    const builder = new TallyBuilder({ scale: nps }).add(10, 2);
    expect(() => builder.add(0)).toThrow(/a weight for every answer or for none \(this builder's answers are weighted\)/);
    expect(() => new TallyBuilder({ scale: nps }).add(10).add(0, 1)).toThrow(/this builder's answers are unweighted/);
  });

  test('value and weights may be field names; a name no row has is an error with the near names, a row without it an invalid answer', () => {
    const rows = [{ NPS: 10, w: 2 }, { NPS: 3, w: 1 }, { w: 1 }];
    const tally = tallyAnswers(rows, { scale: nps, value: 'NPS', weights: 'w', maxInvalidExamples: 5 });
    expect([tally.answered, tally.invalid, tally.invalidAnswers[0]?.code]).toEqual([2, 1, 'missing_column']);
    expect(() => tallyAnswers(rows, { scale: nps, value: 'nps' })).toThrow(/tallyAnswers: expected a field that rows have \(did you mean "NPS"\?\), got "nps" at options.value/);
  });

  test('records bring their own score: a value option with records is refused, and a copy of a record is told apart from a record', () => {
    const { records } = ingest([{ score: 10, weight: 2, attributes: { w: 1 } }], { scale: nps });
    expect(() => tallyAnswers(records, { value: 'score' } as never)).toThrow(/tallyAnswers: expected no value option for records: a record brings its own score, scale and weight, got "score" at options.value/);
    // weights by name read the record field first, then an attribute
    expect(tallyAnswers(records, { weights: 'w' } as never).weightSums[10]).toBe(1);
    const copies = records.map((record) => ({ ...record }));
    expect(() => computeNPS(copies)).toThrow(/a record made by ingest; this is a copy of one .* ingest the copies again with ingest\(copies, \{ scale \}\)/);
    expect(() => computeNPS(JSON.parse(JSON.stringify(records)) as unknown[])).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(computeNPS(ingest(copies, { scale: nps }).records).score).toBe(100);
  });

  test('inputs with an unbounded length are refused, not looped over forever', () => {
    expect(() => tallyAnswers({ length: Infinity } as never, { scale: nps })).toThrow(/an array-like with a length from 0 to 4294967295, got Infinity at input.length/);
    expect(() => computeNPS({ length: -1 } as never)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(tallyAnswers({ length: 2, 0: 10 } as never, { scale: nps }).invalidAnswers[0]?.code).toBe('hole');
  });
});

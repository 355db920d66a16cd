import { describe, expect, test } from 'vitest';
import { compareCES, compareCSAT, compareNPS, computeNPS, ingest, npsDifferenceTest, scales, tallyAnswers, welchTTest } from 'cx-metrics';

describe('compareNPS, compareCSAT, compareCES', () => {
  test('compareNPS reports the signed difference a − b in points, from the adjusted-Wald z test', () => {
    const a = [10, 10, 10, 9, 8, 3];
    const b = [10, 7, 6, 5, 3, 2, 0];
    const result = compareNPS(a, b);
    const nps = (values: number[]): number => computeNPS(values).score as number;
    expect(result.difference).toBeCloseTo(nps(a) - nps(b), 10);
    const test = npsDifferenceTest({ detractors: 1, passives: 1, promoters: 4 }, { detractors: 5, passives: 1, promoters: 1 });
    expect(result.pValue).toBeCloseTo(test.pValue, 12);
    expect(result.ci?.lower).toBeCloseTo(100 * test.ci.lower, 10);
    expect(result.test).toBe('adjusted-wald-z');
    expect(compareNPS(b, a).difference).toBeCloseTo(-(result.difference as number), 10);
  });

  test('compareCES uses Welch on the two means; compareCSAT Newcombe', () => {
    const a = [7, 6, 6, 5, 7];
    const b = [3, 4, 5, 2];
    const ces = compareCES(a, b, { scale: scales.ces7 });
    const welch = welchTTest(a, b);
    expect([ces.difference, ces.statistic, ces.df, ces.pValue]).toEqual([welch.difference, welch.statistic, welch.df, welch.pValue]);
    const csat = compareCSAT([5, 4, 4, 2], [1, 2, 5, 3]);
    expect([csat.difference, csat.test]).toEqual([50, 'newcombe-score']);
  });

  test('works from tallies, records and weighted data', () => {
    const a = tallyAnswers([9, 10, 3], { scale: scales.nps });
    const b = ingest([{ score: 9 }, { score: 5 }], { scale: scales.nps }).records;
    expect(compareNPS(a, b).difference).toBeCloseTo(100 / 3 - 0, 10);
    const weighted = compareNPS([10, 0], [10, 0], { weights: [3, 1] });
    expect(weighted.difference).toBe(0);
    expect(weighted.a.effectiveN).toBeCloseTo(1.6, 12);
  });

  test('an empty group gives no difference, never NaN; a CES group of one has no spread to test', () => {
    const result = compareNPS([9, 10], [null]);
    expect([result.difference, result.pValue, result.b.n]).toEqual([undefined, undefined, 0]);
    expect(compareCES([5], [6, 7], { scale: scales.ces7 }).difference).toBeUndefined();
  });

  test('refuses two different scales', () => {
    const agreement = tallyAnswers([4], { scale: scales.ces5 });
    const effort = tallyAnswers([4], { scale: scales.ces5Effort });
    expect(() => compareCES(agreement, effort as never)).toThrow(expect.objectContaining({ code: 'scale_mismatch' }));
  });
});

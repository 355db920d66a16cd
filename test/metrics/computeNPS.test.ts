import { describe, expect, test } from 'vitest';
import { computeNPS, CxMetricsError, scales, tallyAnswers, tallyCounts, wilsonInterval } from 'cx-metrics';

const Z95 = 1.959963984540054;

describe('computeNPS', () => {
  test('is % promoters − % detractors in points, with bands and accounting', () => {
    // 50 promoters, 30 passives, 20 detractors → 50 − 20 = 30 points
    const answers = [...new Array(50).fill(9), ...new Array(30).fill(7), ...new Array(20).fill(0)];
    const result = computeNPS(answers);
    expect(result.score).toBeCloseTo(30, 12);
    expect([result.promoters.percent, result.passives.percent, result.detractors.percent]).toEqual([50, 30, 20]);
    expect(result.n).toBe(100);
    expect(result.variance).toBeCloseTo(0.7 - 0.09, 12);
    expect(result.standardError).toBeCloseTo(100 * Math.sqrt(0.61 / 100), 10);
    expect(result.ci?.method).toBe('adjusted-wald');
  });

  test('uses the adjusted-Wald interval by default, computed here by hand', () => {
    const result = computeNPS(tallyCounts(scales.nps, { 10: 6, 8: 3, 2: 1 }));
    const n = 13;
    const pP = 6.75 / n;
    const pD = 1.75 / n;
    const se = Math.sqrt((pP + pD - (pP - pD) ** 2) / n);
    expect(result.ci?.lower).toBeCloseTo(100 * (pP - pD - Z95 * se), 10);
    expect(result.ci?.upper).toBeCloseTo(100 * Math.min(1, pP - pD + Z95 * se), 10);
  });

  test('for one answer the adjusted-Wald interval leaves out the raw score, as the method says (docs/methods.md)', () => {
    // By hand: 0.75 + 1 promoters, 1.5 passives, 0.75 detractors of n + 3 = 4: p̃P = 0.4375, p̃D = 0.1875,
    // centre 0.25, Var = 0.4375 + 0.1875 − 0.25² = 0.5625, SE = √(0.5625/4) = 0.375; 0.25 ± 1.959964 · 0.375.
    const result = computeNPS([10]);
    expect(result.score).toBe(100);
    expect(result.ci?.lower).toBeCloseTo(100 * (0.25 - Z95 * 0.375), 10); // −48.4986…
    expect(result.ci?.upper).toBeCloseTo(100 * (0.25 + Z95 * 0.375), 10); // 98.4986…
    expect([Math.round((result.ci?.lower ?? 0) * 10) / 10, Math.round((result.ci?.upper ?? 0) * 10) / 10]).toEqual([-48.5, 98.5]);
  });

  test('offers Wald and the score interval, and another level', () => {
    const answers = [10, 10, 9, 8, 3, 0, 7, 9];
    expect(computeNPS(answers, { interval: 'wald' }).ci?.method).toBe('wald');
    expect(computeNPS(answers, { interval: 'score' }).ci?.method).toBe('score');
    const wide = computeNPS(answers, { level: 0.99 }).ci!;
    const narrow = computeNPS(answers, { level: 0.8 }).ci!;
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
    expect(wide.level).toBe(0.99);
  });

  test('skipped answers are counted, never scored, unless denominator "all" is asked for', () => {
    const answers = [10, 10, 0, null, undefined];
    const answered = computeNPS(answers);
    expect(answered.score).toBeCloseTo((100 * 1) / 3, 12);
    expect(answered.responses).toEqual({ total: 5, answered: 3, skipped: 2, invalid: 0 });
    const all = computeNPS(answers, { denominator: 'all' });
    expect(all.score).toBeCloseTo(20, 12);
    expect([all.n, all.denominator]).toEqual([5, 'all']);
  });

  test('an empty sample has n 0 and no score, never NaN and never a throw', () => {
    for (const input of [[], [null, undefined], new Uint8Array(0)]) {
      const result = computeNPS(input);
      expect(result.n).toBe(0);
      expect(result.score).toBeUndefined();
      expect(result.ci).toBeUndefined();
      expect(result.promoters.percent).toBeUndefined();
    }
  });

  test('throws on invalid answers by default, listing every one; excludes them when asked', () => {
    let error: unknown;
    try {
      computeNPS([10, 11, 7.5, 'nine', 9]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe('invalid_answers');
    expect((error as CxMetricsError).issues.map((issue) => [issue.path[0], issue.code])).toEqual([
      [1, 'out_of_range'],
      [2, 'not_an_integer'],
      [3, 'not_a_number'],
    ]);
    expect((error as CxMetricsError).message).toMatch(/^computeNPS: 3 problems, expected an integer from 0 to 10/);
    const excluded = computeNPS([10, 11, 7.5, 'nine', 9], { onInvalid: 'exclude' });
    expect([excluded.score, excluded.responses.invalid, excluded.invalidAnswers.length]).toEqual([100, 3, 3]);
  });

  test('weights: shares are weighted, and intervals use each statistic’s linearization effective n', () => {
    const result = computeNPS([10, 0, 8], { weights: [3, 1, 1] });
    // weighted shares: promoters 3/5, detractors 1/5 → 40 points
    expect(result.score).toBeCloseTo(40, 12);
    expect(result.weighted).toBe(true);
    expect(result.promoters).toMatchObject({ count: 1, weight: 3, percent: 60 });
    // By hand. The score: y = 1, −1, 0, ȳ = 0.4, deviations 0.6, −1.4, −0.4;
    // Σw d² = 3·0.36 + 1.96 + 0.16 = 3.2, Σw² d² = 9·0.36 + 1.96 + 0.16 = 5.36;
    // n_eff = Σw·Σw d²/Σw² d² = 5·3.2/5.36, deff = 3/n_eff; SE = √(n/(n − 1)·Σw² d²/(Σw)²) = √(1.5·5.36/25).
    expect(result.effectiveN).toBeCloseTo(16 / 5.36, 12);
    expect(result.designEffect).toBeCloseTo(3 / (16 / 5.36), 12);
    expect(result.standardError).toBeCloseTo(100 * Math.sqrt((1.5 * 5.36) / 25), 10);
    // The promoter share: y = 1, 0, 0, ȳ = 0.6; Σw d² = 3·0.16 + 0.36 + 0.36 = 1.2, Σw² d² = 9·0.16 + 0.72 = 2.16;
    // n_eff = 5·1.2/2.16 = 25/9, and Wilson takes 3/5 of it.
    const wilson = wilsonInterval((3 / 5) * (25 / 9), 25 / 9);
    expect(result.promoters.ci?.lower).toBeCloseTo(100 * wilson.lower, 10);
    expect(result.promoters.ci?.upper).toBeCloseTo(100 * wilson.upper, 10);
    // Kish, on request: one n_eff, (Σw)²/Σw² = 25/11, for every statistic.
    const kish = computeNPS([10, 0, 8], { weights: [3, 1, 1], varianceMethod: 'kish' });
    expect(kish.effectiveN).toBeCloseTo(25 / 11, 12);
    const kishWilson = wilsonInterval(((3 / 5) * 25) / 11, 25 / 11);
    expect(kish.promoters.ci?.lower).toBeCloseTo(100 * kishWilson.lower, 10);
  });

  test('a tally on another scale is a scale_mismatch', () => {
    const tally = tallyAnswers([5], { scale: scales.csat5 });
    expect(() => computeNPS(tally, { scale: scales.nps })).toThrow(expect.objectContaining({ code: 'scale_mismatch' }));
    expect(() => computeNPS(tally)).toThrow("computeNPS: expected a scale for NPS (or one that names no metric), got \"scale 'csat5', made for CSAT\" at scale");
  });
});

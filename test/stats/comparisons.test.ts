import { describe, expect, test } from 'vitest';
import { adjustPValues, newcombeInterval, normalCDF, npsDifferenceTest, proportionDifferenceTest, welchTTest, wilsonInterval } from 'cx-metrics';

const Z95 = 1.959963984540054;

describe('welchTTest reproduces R', () => {
  test("R's sleep data: t.test(extra ~ group) gives t = -1.8608, df = 17.776, p = 0.07939, CI [-3.3654832, 0.2054832]", () => {
    // R Core Team, datasets::sleep (Cushny & Peebles 1905); the output printed by example(t.test).
    const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const result = welchTTest(group1, group2);
    expect(result.statistic).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.pValue).toBeCloseTo(0.07939, 5);
    expect(result.ci.lower).toBeCloseTo(-3.3654832, 7);
    expect(result.ci.upper).toBeCloseTo(0.2054832, 7);
    expect(result.difference).toBeCloseTo(0.75 - 2.33, 12);
  });

  test('identical samples give a difference of 0 and p = 1, even without spread', () => {
    expect(welchTTest([3, 4, 5], [3, 4, 5])).toMatchObject({ difference: 0, statistic: 0, pValue: 1 });
    expect(welchTTest([4, 4], [4, 4])).toMatchObject({ difference: 0, pValue: 1 });
  });
});

describe('newcombeInterval and proportionDifferenceTest', () => {
  test('Newcombe (1998b), example (b): 9/10 − 3/10 is [0.1705, 0.8090] (also checked by the R package propint)', () => {
    const interval = newcombeInterval({ successes: 9, n: 10 }, { successes: 3, n: 10 });
    expect(interval.lower).toBeCloseTo(0.1705, 4);
    expect(interval.upper).toBeCloseTo(0.809, 4);
  });

  test('with zero successes the limits are the Wilson limits of the other group (Newcombe 1998b, examples e–h)', () => {
    // p₁ = p₂ = 0: lower = −u₂, upper = u₁, with uₙ the Wilson upper limit of 0/n.
    const zeroOf = (n: number): number => wilsonInterval(0, n).upper;
    const e = newcombeInterval({ successes: 0, n: 10 }, { successes: 0, n: 20 });
    expect([e.lower, e.upper]).toEqual([-zeroOf(20), zeroOf(10)]);
    expect(e.lower).toBeCloseTo(-0.1611, 4);
    expect(e.upper).toBeCloseTo(0.2775, 4);
    // 10/10 − 0/10: lower = 1 − √((1 − l₁)² + u₂²) with l₁ = 1 − u(0/10) by symmetry.
    const h = newcombeInterval({ successes: 10, n: 10 }, { successes: 0, n: 10 });
    expect(h.lower).toBeCloseTo(1 - Math.hypot(zeroOf(10), zeroOf(10)), 12);
    expect(h.lower).toBeCloseTo(0.6075, 4);
    expect(h.upper).toBe(1);
  });

  test('the p-value is that of the pooled two-sample z test, computed here by hand', () => {
    const pooled = 104 / 150;
    const z = 0.2 / Math.sqrt(pooled * (1 - pooled) * (1 / 70 + 1 / 80));
    const result = proportionDifferenceTest({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(result.statistic).toBeCloseTo(z, 12);
    expect(result.pValue).toBeCloseTo(2 * normalCDF(-z), 12);
  });
});

describe('npsDifferenceTest', () => {
  test('adds 0.75 / 1.5 / 0.75 to each group and uses n + 3, computed here by hand', () => {
    const a = { detractors: 20, passives: 30, promoters: 50 };
    const b = { detractors: 30, passives: 30, promoters: 40 };
    const adjusted = (c: typeof a): { net: number; variance: number } => {
      const pP = (c.promoters + 0.75) / 103;
      const pD = (c.detractors + 0.75) / 103;
      return { net: pP - pD, variance: pP + pD - (pP - pD) ** 2 };
    };
    const [x, y] = [adjusted(a), adjusted(b)];
    const se = Math.sqrt(x.variance / 103 + y.variance / 103);
    const result = npsDifferenceTest(a, b);
    expect(result.difference).toBeCloseTo(0.2, 12);
    expect(result.standardError).toBeCloseTo(se, 12);
    expect(result.ci.lower).toBeCloseTo(x.net - y.net - Z95 * se, 12);
    expect(result.pValue).toBeCloseTo(2 * normalCDF(-(x.net - y.net) / se), 12);
  });
});

describe('adjustPValues', () => {
  // Benjamini & Hochberg (1995), section 4: 15 p-values from a study of myocardial infarction.
  const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

  test('Benjamini–Hochberg rejects four hypotheses at 0.05, as the paper reports, and Holm three', () => {
    expect(adjustPValues(p, 'benjamini-hochberg').filter((q) => q <= 0.05)).toHaveLength(4);
    expect(adjustPValues(p, 'holm').filter((q) => q <= 0.05)).toHaveLength(3);
  });

  test('matches the step-down and step-up formulas written out here', () => {
    const m = p.length;
    const holm = p.map((_, i) => Math.min(1, Math.max(...p.slice(0, i + 1).map((value, j) => (m - j) * value))));
    const bh = p.map((_, i) => Math.min(1, ...p.slice(i).map((value, j) => (m * value) / (i + j + 1))));
    adjustPValues(p, 'holm').forEach((value, i) => expect(value).toBeCloseTo(holm[i] as number, 14));
    adjustPValues(p, 'benjamini-hochberg').forEach((value, i) => expect(value).toBeCloseTo(bh[i] as number, 14));
    expect(adjustPValues([0.01, 0.02], 'bonferroni')).toEqual([0.02, 0.04]);
  });

  test('keeps the input order and refuses p-values outside [0, 1]', () => {
    expect(adjustPValues([0.04, 0.01, 0.03], 'holm')).toEqual([0.06, 0.03, 0.06]);
    expect(() => adjustPValues([0.5, 1.5])).toThrow(/adjustPValues: expected a p-value from 0 to 1, got 1.5 at pValues\[1\]/);
    expect(() => adjustPValues([0.5], 'fdr' as never)).toThrow(/method/);
  });
});

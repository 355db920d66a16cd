import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { betaQuantile, normalCDF, normalQuantile, npsInterval, studentTCDF, studentTQuantile } from '../../src/index.js';
import { regularizedBeta } from '../../src/internal/specialFunctions.js';

// Values at the edges of the range (issue 10). ../shared/reference/precision.json: mpmath at 50
// digits, checked against R. The rest are computed independently beside each test.
interface Reference {
  readonly studentTCDF: readonly { t: number; df: number; p: number; relativeTolerance: number }[];
  readonly studentTQuantile: readonly { p: number; df: number; t: number; relativeTolerance: number }[];
  readonly betaQuantile: readonly { p: number; a: number; b: number; x: number; relativeTolerance: number }[];
}
const reference = JSON.parse(readFileSync(new URL('../../../shared/reference/precision.json', import.meta.url), 'utf8')) as Reference;
const relative = (value: number, expected: number): number => Math.abs(value / expected - 1);

describe('the t and beta distributions at the edges of their range', () => {
  test.each(reference.studentTCDF.map((c) => [c.t, c.df, c]))('studentTCDF(%d, %d) to its tolerance (precision.json)', (_t, _df, c) => {
    expect(relative(studentTCDF(c.t, c.df), c.p)).toBeLessThan(c.relativeTolerance);
  });

  test('studentTCDF at 1e15 degrees of freedom is the normal CDF to 1e-12 (the t excess there is about φ(t)(t³ + t)/(4ν) ≈ 1e-16)', () => {
    for (const t of [-3, -1, 0.5, 2]) expect(relative(studentTCDF(t, 1e15), normalCDF(t))).toBeLessThan(1e-12);
  });

  test.each(reference.studentTQuantile.map((c) => [c.p, c.df, c]))('studentTQuantile(%d, %d) to its tolerance (precision.json)', (_p, _df, c) => {
    expect(relative(studentTQuantile(c.p, c.df), c.t)).toBeLessThan(c.relativeTolerance);
  });

  test('studentTQuantile within 1e-12 of the median: t = (p − ½)/f(0) to first order, f(0) = Γ(5.5)/(√(10π)·Γ(5)) for 10 df', () => {
    const p = 0.5 + 1e-12;
    const density = 52.34277778455352 / (Math.sqrt(10 * Math.PI) * 24);
    // The next term is of order t³ ≈ 1e-35: the first-order value is exact to double precision.
    expect(relative(studentTQuantile(p, 10), (p - 0.5) / density)).toBeLessThan(1e-12);
    expect(studentTQuantile(1 - p, 10)).toBe(-studentTQuantile(p, 10));
  });

  test.each(reference.betaQuantile.map((c) => [c.p, c.a, c.b, c]))('betaQuantile(%d, %d, %d) to its tolerance (precision.json)', (_p, _a, _b, c) => {
    expect(relative(betaQuantile(c.p, c.a, c.b), c.x)).toBeLessThan(c.relativeTolerance);
  });

  test('betaQuantile of a tiny p: for a = 1 the quantile is 1 − (1 − p)^(1/b), in closed form', () => {
    // For a = 1, I_x(1, b) = 1 − (1 − x)^b, so x = −expm1(log1p(−p)/b): exact to rounding.
    for (const [p, b] of [[1e-100, 3], [1e-300, 0.5], [0.3, 1e12]] as const) {
      expect(relative(betaQuantile(p, 1, b), -Math.expm1(Math.log1p(-p) / b))).toBeLessThan(1e-12);
    }
  });
});

// test/reference/distributionEdges.json: mpmath at 50 digits, independent of TOMS 708 (made by
// test/reference/mpmath/distributionEdges.py): t at 1e-3 to 1e15 degrees of freedom from tails of
// 1e-300 to p within 1e-12 of ½, and beta quantiles with shapes to 1e15.
interface Edges {
  readonly studentTCDF: readonly { t: number; df: number; p: number }[];
  readonly studentTQuantile: readonly { p: number; df: number; t: number }[];
  readonly betaQuantile: readonly { p: number; a: number; b: number; x: number }[];
}
const edges = JSON.parse(readFileSync(new URL('../reference/distributionEdges.json', import.meta.url), 'utf8')) as Edges;

describe('the t and beta distributions against mpmath over their whole range (distributionEdges.json)', () => {
  test.each(edges.studentTCDF.map((c) => [c.t, c.df, c]))('studentTCDF(%d, %d) to 1e-12', (_t, _df, c) => {
    expect(relative(studentTCDF(c.t, c.df), c.p)).toBeLessThan(1e-12);
  });

  test.each(edges.studentTQuantile.map((c) => [c.p, c.df, c]))('studentTQuantile(%d, %d) to 1e-12', (_p, _df, c) => {
    const t = studentTQuantile(c.p, c.df);
    if (c.t === 0) expect(t).toBe(0);
    else expect(relative(t, c.t)).toBeLessThan(1e-12);
  });

  // The root's relative error is the incomplete beta's (about 1e-15) times d ln x / d ln p, which
  // is about 1/a for a small shape a: 2e-12 for a = 1e-3 (reached there: 1.04e-12), 1e-12 elsewhere.
  test.each(edges.betaQuantile.map((c) => [c.p, c.a, c.b, c]))('betaQuantile(%d, %d, %d) to 1e-12 (more for a shape below 1e-2)', (_p, _a, _b, c) => {
    const x = betaQuantile(c.p, c.a, c.b);
    if (c.x === 0) expect(x).toBe(0);
    else expect(relative(x, c.x)).toBeLessThan(Math.max(1e-12, 2e-15 / c.a));
  });

  test('studentTQuantile is ±Infinity where the quantile is beyond the largest double (R: qt(0.1, 0.001) = -Inf)', () => {
    expect(studentTQuantile(0.1, 1e-3)).toBe(-Infinity);
    expect(studentTQuantile(0.9, 1e-3)).toBe(Infinity);
    expect(studentTCDF(-1e308, 1e-3)).toBeGreaterThan(0.2);
  });
});

// test/reference/r/pbeta.R: R's pbeta (TOMS 708) at random shapes from 1e-3 to 1e12, both tails.
describe('the regularized incomplete beta against R’s pbeta (test/reference/r/pbeta.json)', () => {
  const pbeta = JSON.parse(readFileSync(new URL('../reference/r/pbeta.json', import.meta.url), 'utf8')) as { cases: { x: number; a: number; b: number; lower: number; upper: number }[] };
  test.each(pbeta.cases.map((c) => [c.x, c.a, c.b, c]))('I_%d(%d, %d): the smaller of I and 1 − I to 1e-12', (_x, _a, _b, c) => {
    const [value, expected] = c.lower < c.upper ? [regularizedBeta(c.x, c.a, c.b), c.lower] : [regularizedBeta(1 - c.x, c.b, c.a, c.x), c.upper];
    expect(relative(value, expected)).toBeLessThan(1e-12);
  });
});

describe("the NPS score (Tango) interval at huge n", () => {
  // For an all-detractor sample the score interval's upper limit has a closed form,
  // −(n − z²)/(n + z²) (precision.json's npsScoreIntervalLargeN), so its width is 2z²/(n + z²).
  const z = normalQuantile(0.975);
  test.each([1e3, 1e6, 1e8])('all detractors, n = %d: the width 1 + upper to 1e-9 relative', (n) => {
    const { lower, upper } = npsInterval({ detractors: n, passives: 0, promoters: 0 }, { interval: 'score' });
    expect(lower).toBe(-1);
    expect(relative(1 + upper, (2 * z * z) / (n + z * z))).toBeLessThan(1e-9);
    // All promoters mirror it.
    expect(npsInterval({ detractors: 0, passives: 0, promoters: n }, { interval: 'score' }).lower).toBe(-upper);
  });

  test.each([1e9, 1e12, 1e15])('all detractors, n = %d: the limit is the closed form rounded to a double (within one unit in the last place)', (n) => {
    const { upper } = npsInterval({ detractors: n, passives: 0, promoters: 0 }, { interval: 'score' });
    // A width below 1e-7 cannot be held to 1e-9 by a double near −1; the limit is as close as a double can be.
    expect(Math.abs(upper + (n - z * z) / (n + z * z))).toBeLessThanOrEqual(2 ** -53);
  });
});

describe('weighted shares of a band that holds every answer', () => {
  test('an all-detractor weighted sample is −100 with a Wald interval of exactly [−100, −100], and 100% detractors', async () => {
    const { computeNPS } = await import('../../src/index.js');
    const answers = [0, 3, 5, 6, 2, 1, 4, 0, 0, 3, 2, 6, 5, 1, 4, 3];
    const weights = [1.3, 0.7, 2.2, 1, 0.4, 0.1, 3.3, 0.9, 1.7, 2.1, 0.3, 0.45, 1.15, 0.7, 0.2, 5.1];
    const result = computeNPS(answers, { weights, interval: 'wald' });
    expect([result.score, result.ci?.lower, result.ci?.upper, result.detractors.percent]).toEqual([-100, -100, -100, 100]);
  });
});

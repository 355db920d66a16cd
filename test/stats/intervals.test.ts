import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clopperPearsonInterval, CxMetricsError, npsInterval, proportionInterval, tInterval, wilsonInterval } from 'cx-metrics';

const Z95 = 1.959963984540054;

/** P(X ≥ k) for X ~ Binomial(n, p), by direct summation: an independent route to Clopper–Pearson. */
function binomialUpperTail(k: number, n: number, p: number): number {
  let total = 0;
  let logChoose = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logChoose += Math.log((n - i + 1) / i);
    if (i >= k) total += Math.exp(logChoose + i * Math.log(p) + (n - i) * Math.log1p(-p));
  }
  return total;
}

describe('Clopper–Pearson', () => {
  // Newcombe (1998a), table II, method 5 ("exact"), to the 4 decimals printed.
  test.each([
    [81, 263, 0.2527, 0.3676],
    [15, 148, 0.0578, 0.1617],
    [0, 20, 0, 0.1684],
    [1, 29, 0.0009, 0.1776],
  ])('%d/%d is [%d, %d] as Newcombe (1998a) prints it', (x, n, lower, upper) => {
    const interval = clopperPearsonInterval(x, n);
    expect(Math.abs(interval.lower - lower)).toBeLessThanOrEqual(0.00005);
    expect(Math.abs(interval.upper - upper)).toBeLessThanOrEqual(0.00005);
  });

  test('limits are where the binomial tails equal α/2 (checked by direct summation)', () => {
    for (const [x, n] of [[3, 10], [17, 40], [1, 7]] as const) {
      const { lower, upper } = clopperPearsonInterval(x, n);
      expect(binomialUpperTail(x, n, lower)).toBeCloseTo(0.025, 10);
      expect(1 - binomialUpperTail(x + 1, n, upper)).toBeCloseTo(0.025, 10);
    }
  });
});

describe('Wilson', () => {
  test('agrees with the closed form written out here', () => {
    const x = 37;
    const n = 52;
    const p = x / n;
    const z2 = Z95 * Z95;
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    const interval = wilsonInterval(x, n);
    expect(interval.lower).toBeCloseTo(centre - half, 12);
    expect(interval.upper).toBeCloseTo(centre + half, 12);
  });

  test('gives exactly 0 and 1 at the edges', () => {
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(wilsonInterval(10, 10).upper).toBe(1);
  });

  test('honours the level', () => {
    const narrow = wilsonInterval(30, 100, { level: 0.8 });
    const wide = wilsonInterval(30, 100, { level: 0.99 });
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
  });
});

describe('proportionInterval', () => {
  test('dispatches to the named method and refuses unknown ones', () => {
    expect(proportionInterval(4, 9, { interval: 'clopper-pearson' })).toEqual(clopperPearsonInterval(4, 9));
    expect(() => proportionInterval(4, 9, { interval: 'exact' as never })).toThrow(
      "proportionInterval: expected one of 'wilson', 'agresti-coull', 'clopper-pearson', got \"exact\" at options.interval",
    );
  });

  test('every method contains the estimate and stays in [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('wilson', 'agresti-coull', 'clopper-pearson' as const), (n, share, method) => {
        const x = Math.round(share * n);
        const { lower, upper } = proportionInterval(x, n, { interval: method });
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(x / n + 1e-12);
        expect(upper).toBeGreaterThanOrEqual(x / n - 1e-12);
      }),
    );
  });
});

describe('npsInterval', () => {
  test('adjusted Wald adds 0.75 / 1.5 / 0.75 and uses n + 3 (Rocks 2016), computed here by hand', () => {
    const counts = { detractors: 12, passives: 20, promoters: 38 };
    const n = 70 + 3;
    const pP = (38 + 0.75) / n;
    const pD = (12 + 0.75) / n;
    const centre = pP - pD;
    const se = Math.sqrt((pP + pD - centre * centre) / n);
    const interval = npsInterval(counts);
    expect(interval.lower).toBeCloseTo(centre - Z95 * se, 12);
    expect(interval.upper).toBeCloseTo(centre + Z95 * se, 12);
  });

  test('Wald is NPS ± z·√(Var/n), and collapses when every answer is in one band', () => {
    const counts = { detractors: 10, passives: 10, promoters: 20 };
    const nps = 0.25;
    const variance = 0.75 - nps * nps;
    const interval = npsInterval(counts, { interval: 'wald' });
    expect(interval.lower).toBeCloseTo(nps - Z95 * Math.sqrt(variance / 40), 12);
    expect(npsInterval({ detractors: 0, passives: 0, promoters: 5 }, { interval: 'wald' })).toMatchObject({ lower: 1, upper: 1 });
  });

  test('the score interval for all promoters has the closed form (n − z²)/(n + z²)', () => {
    // With c = 0 detractors and b = n promoters, |Z(Δ)| = √n·√((1 − Δ)/(1 + Δ)) (derived in docs/methods.md).
    for (const n of [1, 3, 10, 50]) {
      const { lower, upper } = npsInterval({ detractors: 0, passives: 0, promoters: n }, { interval: 'score' });
      expect(lower).toBeCloseTo((n - Z95 * Z95) / (n + Z95 * Z95), 10);
      expect(upper).toBe(1);
    }
  });

  test('the score interval is mirrored when promoters and detractors swap', () => {
    const a = npsInterval({ detractors: 7, passives: 4, promoters: 15 }, { interval: 'score' });
    const b = npsInterval({ detractors: 15, passives: 4, promoters: 7 }, { interval: 'score' });
    expect(a.lower).toBeCloseTo(-b.upper, 10);
    expect(a.upper).toBeCloseTo(-b.lower, 10);
  });

  test('every method stays in [−1, 1] and contains the estimate (property)', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.nat(200), fc.constantFrom('adjusted-wald', 'wald', 'score' as const), (detractors, passives, promoters, method) => {
        fc.pre(detractors + passives + promoters > 0);
        const n = detractors + passives + promoters;
        const nps = (promoters - detractors) / n;
        const { lower, upper } = npsInterval({ detractors, passives, promoters }, { interval: method });
        expect(lower).toBeGreaterThanOrEqual(-1);
        expect(upper).toBeLessThanOrEqual(1);
        if (method !== 'adjusted-wald') {
          expect(lower).toBeLessThanOrEqual(nps + 1e-9);
          expect(upper).toBeGreaterThanOrEqual(nps - 1e-9);
        }
      }),
    );
  });

  test('refuses negative, non-finite and all-zero counts', () => {
    expect(() => npsInterval({ detractors: -1, passives: 0, promoters: 3 })).toThrow(/npsInterval: expected a count of at least 0, got -1 at counts.detractors/);
    expect(() => npsInterval({ detractors: 0, passives: 0, promoters: 0 })).toThrow(CxMetricsError);
    expect(() => npsInterval({ detractors: NaN, passives: 0, promoters: 1 })).toThrow(/got NaN/);
  });
});

describe('tInterval', () => {
  test('from values equals from their summary, computed by hand', () => {
    const values = [4, 8, 6, 5, 3, 7];
    const mean = 5.5;
    const sd = Math.sqrt(17.5 / 5);
    // t(0.975; 5) = 2.570581835636314 (R: qt(0.975, 5); NIST prints 2.571)
    const half = 2.570581835636314 * (sd / Math.sqrt(6));
    const interval = tInterval(values);
    expect(interval.lower).toBeCloseTo(mean - half, 10);
    expect(interval.upper).toBeCloseTo(mean + half, 10);
    expect(tInterval({ mean, sd, n: 6 })).toEqual(interval);
  });

  test('needs at least two values', () => {
    expect(() => tInterval([3])).toThrow(/tInterval: expected a sample size greater than 1, got 1 at sample.n/);
    expect(() => tInterval([3, NaN])).toThrow(/tInterval: expected a finite number, got NaN at values\[1\]/);
  });
});

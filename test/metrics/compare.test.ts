import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { compareCES, compareCSAT, compareNPS, computeNPS, ingest, newcombeInterval, normalCDF, normalQuantile, npsInterval, scales, tallyAnswers, tallyCounts, welchTTest } from 'cx-metrics';

describe('compareNPS, compareCSAT, compareCES', () => {
  test('compareNPS: the signed difference a − b in points, with the MOVER interval of the two score (Tango) intervals and the p-value that inverts it', () => {
    const a = [10, 10, 10, 9, 8, 3];
    const b = [10, 7, 6, 5, 3, 2, 0];
    const result = compareNPS(a, b);
    const nps = (values: number[]): number => computeNPS(values).score as number;
    expect(result.difference).toBeCloseTo(nps(a) - nps(b), 10);
    expect(result.test).toBe('mover');
    // Zou & Donner (2008), written out from the two groups' own intervals (npsInterval, public).
    const countsA = { detractors: 1, passives: 1, promoters: 4 };
    const countsB = { detractors: 5, passives: 1, promoters: 1 };
    const mover = (z: number): { lower: number; upper: number } => {
      const first = npsInterval(countsA, { z, interval: 'score' });
      const second = npsInterval(countsB, { z, interval: 'score' });
      const [ea, eb] = [3 / 6, -4 / 7];
      const d = ea - eb;
      return { lower: d - Math.hypot(Math.max(0, ea - first.lower), Math.max(0, second.upper - eb)), upper: d + Math.hypot(Math.max(0, first.upper - ea), Math.max(0, eb - second.lower)) };
    };
    expect(result.ci?.lower).toBeCloseTo(100 * mover(normalQuantile(0.975)).lower, 10);
    expect(result.ci?.upper).toBeCloseTo(100 * mover(normalQuantile(0.975)).upper, 10);
    // The p-value is the level at which the interval touches 0: one story.
    expect(Math.abs(mover(result.statistic as number).lower)).toBeLessThan(1e-12);
    expect(result.pValue).toBeCloseTo(2 * normalCDF(-(result.statistic as number)), 15);
    expect(compareNPS(b, a).difference).toBeCloseTo(-(result.difference as number), 10);
    expect(compareNPS(b, a).pValue).toBeCloseTo(result.pValue as number, 12);
  });

  test('compareNPS: the difference is always inside its interval, and p < 0.05 exactly when the interval leaves out 0', () => {
    // The case the issue names: one detractor against 100 000 (was: difference 0, p = 0.046).
    const edge = compareNPS(tallyCounts(scales.nps, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), tallyCounts(scales.nps, [100000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect([edge.difference, edge.pValue, edge.statistic]).toEqual([0, 1, 0]);
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 3, maxLength: 3 }), fc.array(fc.nat(30), { minLength: 3, maxLength: 3 }), fc.constantFrom(0.8, 0.9, 0.95, 0.99), (x, y, level) => {
        const tally = (c: number[]) => tallyCounts(scales.nps, [c[0] as number, 0, 0, 0, 0, 0, 0, c[1] as number, 0, 0, c[2] as number]);
        const result = compareNPS(tally(x), tally(y), { level });
        if (result.difference === undefined) return;
        expect(result.ci.lower).toBeLessThanOrEqual(result.difference + 1e-9);
        expect(result.ci.upper).toBeGreaterThanOrEqual(result.difference - 1e-9);
        const excludesZero = result.ci.lower > 1e-9 || result.ci.upper < -1e-9;
        const includesZeroClearly = result.ci.lower < -1e-9 && result.ci.upper > 1e-9;
        if (excludesZero) expect(result.pValue).toBeLessThan(1 - level);
        if (includesZeroClearly) expect(result.pValue).toBeGreaterThan(1 - level);
      }),
    );
  });

  test('type I error at or below nominal: a seeded simulation under the null (bench/coverage.sim.mjs has the full grid)', () => {
    // mulberry32 (scripts/random.mjs), 2000 pairs of 20 answers from one population; the Monte
    // Carlo SE of a 5% rate is 0.49 points, so anything above 6% would be a real excess.
    let state = 20261126;
    const random = (): number => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const population = [1, 1, 1, 1, 1, 2, 3, 6, 9, 12, 12];
    const total = population.reduce((a, b) => a + b, 0);
    const sample = (n: number): number[] => {
      const counts = population.map(() => 0);
      for (let i = 0; i < n; i++) {
        let u = random() * total;
        const point = population.findIndex((weight) => (u -= weight) < 0);
        counts[point === -1 ? 10 : point]!++;
      }
      return counts;
    };
    let npsRejections = 0;
    let csatRejections = 0;
    for (let s = 0; s < 2000; s++) {
      if ((compareNPS(tallyCounts(scales.nps, sample(20)), tallyCounts(scales.nps, sample(20))).pValue as number) < 0.05) npsRejections++;
      const csat = (): ReturnType<typeof tallyCounts> => {
        const c = sample(20);
        return tallyCounts(scales.csat5, [c[0]! + c[1]!, c[2]! + c[3]!, c[4]! + c[5]! + c[6]!, c[7]! + c[8]!, c[9]! + c[10]!]);
      };
      if ((compareCSAT(csat(), csat()).pValue as number) < 0.05) csatRejections++;
    }
    expect(npsRejections / 2000).toBeLessThanOrEqual(0.06);
    expect(csatRejections / 2000).toBeLessThanOrEqual(0.06);
  }, 60_000);

  test('compareCES uses Welch on the two means; compareCSAT MOVER on Wilson intervals (Newcombe 1998b, method 10)', () => {
    const a = [7, 6, 6, 5, 7];
    const b = [3, 4, 5, 2];
    const ces = compareCES(a, b, { scale: scales.ces7 });
    const welch = welchTTest(a, b);
    expect([ces.difference, ces.statistic, ces.df, ces.pValue]).toEqual([welch.difference, welch.statistic, welch.df, welch.pValue]);
    const csat = compareCSAT([5, 4, 4, 2], [1, 2, 5, 3]);
    expect([csat.difference, csat.test]).toEqual([50, 'mover']);
    // Newcombe (1998b), example (a): 56/70 against 48/80, interval 0.0524 to 0.3339.
    const newcombe = compareCSAT(tallyCounts(scales.csat5, [4, 5, 5, 30, 26]), tallyCounts(scales.csat5, [10, 10, 12, 28, 20]));
    const published = newcombeInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(newcombe.ci?.lower).toBeCloseTo(100 * published.lower, 10);
    expect(newcombe.ci?.upper).toBeCloseTo(100 * published.upper, 10);
    expect([Number(newcombe.ci?.lower.toFixed(2)), Number(newcombe.ci?.upper.toFixed(2))]).toEqual([5.24, 33.39]);
    // Its p-value is where Newcombe's interval reaches 0, not the pooled z test's (they disagree in ~0.3% of cases).
    expect(Math.abs(newcombeInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 }, { z: newcombe.statistic as number }).lower)).toBeLessThan(1e-12);
    expect(newcombe.pValue).toBeCloseTo(2 * normalCDF(-(newcombe.statistic as number)), 15);
  });

  test('works from tallies, records and weighted data', () => {
    const a = tallyAnswers([9, 10, 3], { scale: scales.nps });
    const b = ingest([{ score: 9 }, { score: 5 }], { scale: scales.nps }).records;
    expect(compareNPS(a, b).difference).toBeCloseTo(100 / 3 - 0, 10);
    const weighted = compareNPS([10, 0], [10, 0], { weights: [3, 1] });
    expect([weighted.difference, weighted.pValue]).toEqual([0, 1]);
    // Linearization: y = ±1, ȳ = 0.5, n/deff = Σw·Σw(y − ȳ)²/Σw²(y − ȳ)² = 4·3/(9·0.25 + 2.25) = 8/3,
    // more than the 2 answers, so capped at 2 (Korn & Graubard); deff = 2/(8/3) = 0.75. Kish's would be 16/10.
    expect(weighted.a.effectiveN).toBe(2);
    expect(weighted.a.designEffect).toBeCloseTo(0.75, 12);
    expect(compareNPS([10, 0], [10, 0], { weights: [3, 1], varianceMethod: 'kish' }).a.effectiveN).toBeCloseTo(1.6, 12);
  });

  test('equal weights give the unweighted comparison (linearization with equal weights is the unweighted design)', () => {
    const a = [5, 4, 4, 2, 5, 3, 1, 4];
    const b = [1, 2, 5, 3, 4, 4, 2];
    const twice = (values: number[]): { weights: number[] } => ({ weights: values.map(() => 2) });
    const csat = compareCSAT(a, b);
    const weightedCSAT = compareCSAT(tallyAnswers(a, { scale: scales.csat5, ...twice(a) }), tallyAnswers(b, { scale: scales.csat5, ...twice(b) }));
    expect(weightedCSAT.ci).toEqual(csat.ci);
    expect(weightedCSAT.pValue).toBeCloseTo(csat.pValue as number, 12);
    const ces = compareCES(a, b, { scale: scales.ces5 });
    const weightedCES = compareCES(tallyAnswers(a, { scale: scales.ces5, ...twice(a) }), tallyAnswers(b, { scale: scales.ces5, ...twice(b) }));
    for (const key of ['difference', 'statistic', 'df', 'pValue', 'standardError'] as const) expect(weightedCES[key]).toBeCloseTo(ces[key] as number, 12);
    expect(weightedCES.ci?.lower).toBeCloseTo(ces.ci?.lower as number, 12);
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

import { guard } from '../internal/guard.js';
import { checkLevel, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { normalQuantile } from './normalQuantile.js';
import { checkNPSCounts, type NPSCounts, trinomialVariance } from './NPSCounts.js';
import { type DifferenceTest, twoSidedNormalP } from './TestResult.js';

/** Options for {@link npsDifferenceTest}. */
export interface NPSDifferenceTestOptions {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
}

/** A group's NPS and variance after adding the adjusted-Wald pseudo-counts. */
function adjusted(counts: NPSCounts, n: number): { net: number; variance: number; n: number } {
  const adjustedCounts = { detractors: counts.detractors + 0.75, passives: counts.passives + 1.5, promoters: counts.promoters + 0.75 };
  const adjustedN = n + 3;
  return {
    net: (adjustedCounts.promoters - adjustedCounts.detractors) / adjustedN,
    variance: trinomialVariance(adjustedCounts, adjustedN),
    n: adjustedN,
  };
}


/** The result of {@link npsDifferenceTest}: the plain difference, and the adjusted one its interval and z are about. */
export interface NPSDifferenceTest extends DifferenceTest<'adjusted-wald-z', 'proportion'> {
  /** The difference of the pseudo-count-adjusted scores: the centre of the interval, and what z divides. */
  readonly adjustedDifference: number;
}

const LEVEL_ONLY = ['level'] as const satisfies readonly (keyof NPSDifferenceTestOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof NPSDifferenceTestOptions, (typeof LEVEL_ONLY)[number]>;
/**
 * Compares two independent NPS samples, a − b, on the natural scale (−2…2; ×100 for points):
 * a two-sample z test with adjusted-Wald pseudo-counts (0.75 / 1.5 / 0.75) added to each group
 * (Rocks 2016; MeasuringU): SE = √(Varₐ/nₐ + Varᵦ/nᵦ) with the adjusted shares and n + 3, the
 * interval centred on the difference of the adjusted scores, `adjustedDifference`, and
 * z = adjustedDifference / SE. `difference` is the plain a − b (signed, never |a − b| as in
 * Rocks' R package); the interval and z are about the adjusted one, which can differ from it
 * near the ends (one detractor against 100 000: difference 0, adjusted 0.75, p = 0.046).
 * `compareNPS` therefore uses the MOVER interval instead, which always holds the plain
 * difference and whose p-value inverts it; this function stays for reproducing Rocks and MeasuringU.
 *
 * @param a - answers per band in group a
 * @param b - answers per band in group b
 * @param options - the level of the interval
 * @returns the signed difference, its interval, z and the two-sided p-value
 * @throws {@link CxMetricsError} `invalid_argument` for bad counts
 *
 * @example
 * ```ts
 * import { npsDifferenceTest } from 'cx-metrics';
 *
 * const test = npsDifferenceTest({ detractors: 20, passives: 30, promoters: 50 }, { detractors: 30, passives: 30, promoters: 40 });
 * test.difference; // => 0.2
 * test.adjustedDifference; // => 0.19417476
 * test.pValue; // => 0.0832
 * ```
 */
export function npsDifferenceTest(a: NPSCounts, b: NPSCounts, options?: NPSDifferenceTestOptions): NPSDifferenceTest {
  return guard('npsDifferenceTest', () => {
    const fn = 'npsDifferenceTest';
    const level = checkLevel(fn, checkOptions(fn, options, LEVEL_ONLY).level ?? 0.95);
    const na = checkNPSCounts(fn, a);
    const nb = checkNPSCounts(fn, b);
    const first = adjusted(a, na);
    const second = adjusted(b, nb);
    const standardError = Math.sqrt(first.variance / first.n + second.variance / second.n);
    const centre = first.net - second.net;
    const z = normalQuantile((1 + level) / 2);
    const statistic = standardError === 0 ? 0 : centre / standardError;
    return {
      difference: (a.promoters - a.detractors) / na - (b.promoters - b.detractors) / nb,
      adjustedDifference: centre,
      ci: { lower: Math.max(-2, centre - z * standardError), upper: Math.min(2, centre + z * standardError), level, method: 'adjusted-wald-z', unit: 'proportion' },
      standardError,
      statistic,
      pValue: twoSidedNormalP(statistic),
    };
  });
}

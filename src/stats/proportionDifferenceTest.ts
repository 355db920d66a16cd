import { guard } from '../internal/guard.js';
import { checkLevel, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { checkProportion } from './checkProportion.js';
import { newcombeInterval, type ProportionCounts } from './newcombeInterval.js';
import { type DifferenceTest, twoSidedNormalP } from './TestResult.js';

/** Options for {@link proportionDifferenceTest}. */
export interface ProportionDifferenceTestOptions {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
}


const LEVEL_ONLY = ['level'] as const satisfies readonly (keyof ProportionDifferenceTestOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof ProportionDifferenceTestOptions, (typeof LEVEL_ONLY)[number]>;
/**
 * Compares two independent proportions, a − b: the interval is Newcombe's hybrid score interval
 * (1998b, method 10; see {@link newcombeInterval}), and the p-value that of the pooled two-sample
 * z (score) test, z = (pₐ − pᵦ)/√(p̄(1 − p̄)(1/nₐ + 1/nᵦ)) with p̄ the pooled share: the classical
 * pair. The two disagree about significance in about 0.3% of cases, so `compareCSAT` takes its
 * p-value from the interval itself (the level at which Newcombe's interval reaches 0) and has one rule.
 *
 * @param a - successes and n of group a
 * @param b - successes and n of group b
 * @param options - the level of the interval
 * @returns the signed difference, its interval, z and the two-sided p-value
 * @throws {@link CxMetricsError} `invalid_argument` for bad counts
 *
 * @example
 * ```ts
 * import { proportionDifferenceTest } from 'cx-metrics';
 *
 * const test = proportionDifferenceTest({ successes: 56, n: 70 }, { successes: 48, n: 80 });
 * test.ci; // => { lower: 0.0524, upper: 0.3339, level: 0.95, method: "newcombe-score", unit: "proportion" }
 * test.pValue; // => 0.008
 * ```
 */
export function proportionDifferenceTest(a: ProportionCounts, b: ProportionCounts, options?: ProportionDifferenceTestOptions): DifferenceTest<'newcombe-score', 'proportion'> {
  return guard('proportionDifferenceTest', () => {
    const fn = 'proportionDifferenceTest';
    const level = checkLevel(fn, checkOptions(fn, options, LEVEL_ONLY).level ?? 0.95);
    checkProportion(fn, a?.successes, a?.n);
    checkProportion(fn, b?.successes, b?.n);
    const pa = a.successes / a.n;
    const pb = b.successes / b.n;
    const pooled = (a.successes + b.successes) / (a.n + b.n);
    const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
    const difference = pa - pb;
    const statistic = standardError === 0 ? 0 : difference / standardError;
    return {
      difference,
      ci: { ...newcombeInterval(a, b, { level }), method: 'newcombe-score' },
      standardError,
      statistic,
      pValue: twoSidedNormalP(statistic),
    };
  });
}

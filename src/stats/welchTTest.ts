import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { checkLevel, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { studentTCDF } from './studentTCDF.js';
import { studentTQuantile } from './studentTQuantile.js';
import type { DifferenceTest } from './TestResult.js';
import { type SampleSummary, summarizeSample } from './tInterval.js';

/** Options for {@link welchTTest}. */
export interface WelchTTestOptions {
  /** Confidence level of the interval, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
}


const LEVEL_ONLY = ['level'] as const satisfies readonly (keyof WelchTTestOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof WelchTTestOptions, (typeof LEVEL_ONLY)[number]>;
/**
 * Welch's t test for the difference of two means, a − b, without assuming equal variances
 * (Welch 1947), with the Welch–Satterthwaite degrees of freedom
 * ν = (s²ₐ/nₐ + s²ᵦ/nᵦ)² / ((s²ₐ/nₐ)²/(nₐ − 1) + (s²ᵦ/nᵦ)²/(nᵦ − 1)).
 * The interval is (x̄ₐ − x̄ᵦ) ± t(1 − α/2; ν)·SE; the p-value is two-sided. Used by `compareCES`.
 * It reproduces R's `t.test(x, y)` (the default Welch test).
 *
 * @param a - values (at least 2) or `{ mean, sd, n }` (n may be an effective n)
 * @param b - the same for the other sample
 * @param options - the level of the interval
 * @returns the signed difference, its interval, t, ν and the p-value
 * @throws {@link CxMetricsError} `invalid_argument` for a sample of fewer than 2 or a non-finite value
 *
 * @example
 * ```ts
 * import { welchTTest } from 'cx-metrics';
 *
 * // R's `sleep` data: t.test(extra ~ group) prints t = -1.8608, df = 17.776, p-value = 0.07939
 * const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
 * const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
 * const test = welchTTest(group1, group2);
 * [test.statistic, test.df, test.pValue]; // => [-1.8608, 17.776, 0.07939]
 * test.ci; // => { lower: -3.3654832, upper: 0.2054832, level: 0.95, method: "welch-t", unit: "scale" }
 * ```
 */
export function welchTTest(a: ArrayLike<number> | SampleSummary, b: ArrayLike<number> | SampleSummary, options?: WelchTTestOptions): DifferenceTest<'welch-t', 'scale'> {
  return guard('welchTTest', () => {
    const fn = 'welchTTest';
    const level = checkLevel(fn, checkOptions(fn, options, LEVEL_ONLY).level ?? 0.95);
    const [first, second] = ([['a', a], ['b', b]] as const).map(([name, sample]) => {
      if (typeof sample !== 'object' || sample === null) return fail(fn, 'invalid_argument', 'invalid_value', 'an array of values or { mean, sd, n }', sample, [name]);
      const summary = 'mean' in sample ? sample : summarizeSample(fn, sample, name);
      if (!(summary.n > 1)) fail(fn, 'invalid_argument', 'out_of_range', 'a sample size greater than 1', summary.n, [name, 'n']);
      if (!(Number.isFinite(summary.mean) && summary.sd >= 0 && Number.isFinite(summary.sd))) {
        fail(fn, 'invalid_argument', 'not_finite', 'a finite mean and a finite sd of at least 0', summary, [name]);
      }
      return summary;
    }) as [SampleSummary, SampleSummary];
    const va = (first.sd * first.sd) / first.n;
    const vb = (second.sd * second.sd) / second.n;
    const standardError = Math.sqrt(va + vb);
    const difference = first.mean - second.mean;
    // With no spread at all the statistic is 0/0 or ±∞; the pooled df keeps the interval defined.
    const df = va + vb === 0 ? first.n + second.n - 2 : (va + vb) ** 2 / ((va * va) / (first.n - 1) + (vb * vb) / (second.n - 1));
    const statistic = standardError === 0 ? (difference === 0 ? 0 : Math.sign(difference) * Infinity) : difference / standardError;
    // With no spread the interval is the difference itself, even where a fraction of a degree of
    // freedom puts the t quantile beyond the largest double (∞·0 would be NaN).
    const half = standardError === 0 ? 0 : studentTQuantile((1 + level) / 2, df) * standardError;
    const pValue = statistic === 0 ? 1 : Math.min(1, 2 * studentTCDF(-Math.abs(statistic), df));
    return { difference, ci: { lower: difference - half, upper: difference + half, level, method: 'welch-t', unit: 'scale' }, standardError, statistic, pValue, df };
  });
}

import { guard } from '../internal/guard.js';
import type { Scale } from '../scales/defineScale.js';
import type { SampleSummary } from '../stats/tInterval.js';
import { welchTTest } from '../stats/welchTTest.js';
import type { Tally } from '../tally/Tally.js';
import type { Comparison } from './ComparisonResult.js';
import { comparison } from './comparison.js';
import { CES_OPTION_NAMES, type CESOptions, type CESResult, type CESScored, type CESSettings, cesSettings, scoreCES } from './computeCES.js';
import { checkMetricOptions, type InputOptions, type MetricInput, resolveTally } from './resolveTally.js';

/**
 * A group's mean as Welch's test takes it: n the mean's effective n and sd such that sd²/n is the
 * mean's squared standard error (linearization's with weights), so the test uses the same
 * variance as the group's own interval. Unweighted, these are the sample's own sd and n.
 */
function summaryOf(result: CESScored): SampleSummary {
  const n = result.effectiveN;
  if (result.varianceMethod !== 'linearization') return { mean: result.score, sd: result.mean.sd ?? 0, n };
  return { mean: result.score, sd: (result.standardError ?? 0) * Math.sqrt(n), n };
}

/** Two tallies' CES compared with checked settings: what `compareCES`, segment tables and trends share. */
export function compareCESTallies<S extends Scale>(functionName: string, a: Tally<S>, b: Tally<S>, settings: CESSettings): Comparison<CESResult<S>, 'scale'> {
  const first = scoreCES(a, settings);
  const second = scoreCES(b, settings);
  return comparison(
    functionName,
    first,
    second,
    'welch-t',
    () =>
      first.score === undefined || second.score === undefined || first.standardError === undefined || second.standardError === undefined
        ? undefined
        : welchTTest(summaryOf(first), summaryOf(second), { level: settings.level }),
    'scale',
  );
}

/**
 * Compares the CES (mean effort score) of two independent groups, a − b, in the scale's units:
 * Welch's t test with Welch–Satterthwaite degrees of freedom ({@link welchTTest}); weighted,
 * each group brings its mean's linearization standard error and effective n (Kish's with
 * `varianceMethod: 'kish'`). Each group is computed as {@link computeCES} does;
 * the two must be on the same scale (compare CES 1.0 with CES 2.0 only after `convertTally`).
 * Each group needs at least two (effective) answers. Errors name the group (`a[3]`).
 *
 * @param a - group a: answers, records or a tally
 * @param b - group b: the same
 * @param options - as for {@link computeCES} (a scale is required for raw answers)
 * @returns both results, the signed difference with its interval (in scale units), t, df and the p-value
 * @throws {@link CxMetricsError} as {@link computeCES} does, and `scale_mismatch`
 *
 * @example
 * ```ts
 * import { compareCES, scales } from 'cx-metrics';
 *
 * const chat = [7, 6, 6, 7, 5, 6, 7];
 * const phone = [4, 5, 3, 6, 4, 2, 5];
 * const result = compareCES(chat, phone, { scale: scales.ces7 });
 * result.difference; // => 2.142857
 * result.ci?.unit; // => "scale"
 * result.pValue !== undefined && result.pValue < 0.01; // => true
 * ```
 */
export function compareCES<S extends Scale = Scale, T = unknown>(a: MetricInput<S, T>, b: MetricInput<S, T>, options?: CESOptions<T>): Comparison<CESResult<S>, 'scale'> {
  return guard('compareCES', () => {
    const fn = 'compareCES';
    const checked = checkMetricOptions(fn, options, CES_OPTION_NAMES);
    const first = resolveTally(fn, a, checked as InputOptions<S, T>, undefined, ['a']);
    const second = resolveTally(fn, b, checked as InputOptions<S, T>, undefined, ['b']);
    return compareCESTallies(fn, first, second, cesSettings(fn, checked as CESOptions<never>, first.scale));
  });
}

import { checkLevel } from '../internal/options.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Scale } from '../scales/defineScale.js';
import { welchTTest } from '../stats/welchTTest.js';
import type { Tally } from '../tally/Tally.js';
import type { AnswerInput } from '../tally/tallyAnswers.js';
import type { Comparison } from './ComparisonResult.js';
import { comparison } from './comparison.js';
import { computeCES, type CESOptions, type CESResult } from './computeCES.js';

/**
 * Compares the CES (mean effort score) of two independent groups, a − b, in the scale's units:
 * Welch's t test with Welch–Satterthwaite degrees of freedom ({@link welchTTest}), using each
 * group's Kish effective n when weighted. Each group is computed as {@link computeCES} does;
 * the two must be on the same scale (compare CES 1.0 with CES 2.0 only after `convertTally`).
 * Each group needs at least two (effective) answers.
 *
 * @param a - group a: answers, records or a tally
 * @param b - group b: the same
 * @param options - as for {@link computeCES} (a scale is required for raw answers)
 * @returns both results, the signed difference with its interval, t, df and the p-value
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
 * result.pValue !== undefined && result.pValue < 0.01; // => true
 * ```
 */
export function compareCES<S extends Scale = Scale, T = unknown>(
  a: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>,
  b: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>,
  options: CESOptions<T> = {},
): Comparison<CESResult<S>> {
  const fn = 'compareCES';
  const first = computeCES(a, options);
  const second = computeCES(b, options);
  const level = checkLevel(fn, options.level ?? 0.95);
  return comparison(
    fn,
    first,
    second,
    'welch-t',
    () =>
      first.sd === undefined || second.sd === undefined || first.score === undefined || second.score === undefined
        ? undefined
        : welchTTest({ mean: first.score, sd: first.sd, n: first.effectiveN }, { mean: second.score, sd: second.sd, n: second.effectiveN }, { level }),
    1,
    level,
  );
}

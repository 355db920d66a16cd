import { checkLevel } from '../internal/options.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Scale } from '../scales/defineScale.js';
import type { ProportionCounts } from '../stats/newcombeInterval.js';
import { proportionDifferenceTest } from '../stats/proportionDifferenceTest.js';
import type { Tally } from '../tally/Tally.js';
import type { AnswerInput } from '../tally/tallyAnswers.js';
import type { Comparison } from './ComparisonResult.js';
import { comparison } from './comparison.js';
import { computeCSAT, type CSATOptions, type CSATResult, type CSATScored } from './computeCSAT.js';
import { kishCount, tallyTotals } from './tallyStatistics.js';

/** The satisfied share of a scored result as Kish counts. */
function countsOf(result: CSATScored): ProportionCounts {
  const totals = tallyTotals(result.tally);
  return { successes: kishCount(result.satisfied.weight, totals), n: totals.effectiveN };
}

/**
 * Compares the CSAT of two independent groups, a − b, in percentage points: Newcombe's hybrid
 * score interval for the difference of two proportions with the pooled z test's p-value
 * ({@link proportionDifferenceTest}). Each group is computed as {@link computeCSAT} does, from
 * raw answers, records, tallies or weighted data; the options (the satisfied cut included) apply to both.
 *
 * @param a - group a: answers, records or a tally
 * @param b - group b: the same
 * @param options - as for {@link computeCSAT}
 * @returns both results, the signed difference with its interval, z and the p-value
 * @throws {@link CxMetricsError} as {@link computeCSAT} does, and `scale_mismatch`
 *
 * @example
 * ```ts
 * import { compareCSAT, scales, tallyCounts } from 'cx-metrics';
 *
 * // Newcombe (1998b), example (a): 56 of 70 satisfied against 48 of 80
 * const a = tallyCounts(scales.csat5, [4, 5, 5, 30, 26]);
 * const b = tallyCounts(scales.csat5, [10, 10, 12, 28, 20]);
 * const result = compareCSAT(a, b);
 * [result.difference, result.ci?.lower, result.ci?.upper]; // => [20, 5.24, 33.39]
 * ```
 */
export function compareCSAT<S extends Scale = Scale, T = unknown>(
  a: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>,
  b: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>,
  options: CSATOptions<T> = {},
): Comparison<CSATResult<S>> {
  const fn = 'compareCSAT';
  const first = computeCSAT(a, options);
  const second = computeCSAT(b, options);
  const level = checkLevel(fn, options.level ?? 0.95);
  return comparison(fn, first, second, 'newcombe-score', () => (first.score === undefined || second.score === undefined ? undefined : proportionDifferenceTest(countsOf(first), countsOf(second), { level })), 100, level);
}

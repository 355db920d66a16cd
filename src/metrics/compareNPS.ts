import { checkLevel } from '../internal/options.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Scale } from '../scales/defineScale.js';
import { npsDifferenceTest } from '../stats/npsDifferenceTest.js';
import type { Tally } from '../tally/Tally.js';
import type { AnswerInput } from '../tally/tallyAnswers.js';
import type { Comparison } from './ComparisonResult.js';
import { comparison } from './comparison.js';
import { computeNPS, type NPSOptions, type NPSResult } from './computeNPS.js';
import { netCounts, sumSentiment, tallyTotals } from './tallyStatistics.js';

/** The NPS counts of a scored result on the Kish scale. */
function countsOf(result: NPSResult): ReturnType<typeof netCounts> {
  return netCounts(sumSentiment(result.tally, 'positive'), sumSentiment(result.tally, 'negative'), tallyTotals(result.tally, result.denominator === 'all'));
}

/**
 * Compares the NPS of two independent groups, a − b, in points: a two-sample z test with
 * adjusted-Wald pseudo-counts added to each group ({@link npsDifferenceTest}). Each group is
 * computed as {@link computeNPS} does, from raw answers, records, tallies or weighted data (the
 * options apply to both); the two must be on the same scale.
 *
 * @param a - group a: answers, records or a tally
 * @param b - group b: the same
 * @param options - as for {@link computeNPS}
 * @returns both results, the signed difference with its interval, z and the p-value; no
 * difference when a group is empty
 * @throws {@link CxMetricsError} as {@link computeNPS} does, and `scale_mismatch`
 *
 * @example
 * ```ts
 * import { compareNPS } from 'cx-metrics';
 *
 * const march = [10, 10, 9, 9, 9, 8, 7, 6, 3, 10];
 * const april = [10, 9, 8, 7, 6, 5, 3, 2, 9, 8];
 * const change = compareNPS(april, march);
 * change.difference; // => -50
 * change.pValue !== undefined && change.pValue < 0.05; // => false
 * ```
 */
export function compareNPS<S extends Scale = Scale, T = unknown>(
  a: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>,
  b: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>,
  options: NPSOptions<T> = {},
): Comparison<NPSResult<S>> {
  const fn = 'compareNPS';
  const first = computeNPS(a, options);
  const second = computeNPS(b, options);
  const level = checkLevel(fn, options.level ?? 0.95);
  return comparison(fn, first, second, 'adjusted-wald-z', () => (first.score === undefined || second.score === undefined ? undefined : npsDifferenceTest(countsOf(first), countsOf(second), { level })), 100, level);
}

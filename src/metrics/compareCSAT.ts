import { guard } from '../internal/guard.js';
import type { Scale } from '../scales/defineScale.js';
import { scales } from '../scales/scales.js';
import { type MOVERGroup, moverDifference } from '../stats/moverDifference.js';
import { wilsonInterval } from '../stats/wilsonInterval.js';
import type { Tally } from '../tally/Tally.js';
import type { Comparison } from './ComparisonResult.js';
import { comparison } from './comparison.js';
import { CSAT_OPTION_NAMES, type CSATOptions, type CSATResult, type CSATSettings, csatSettings, scoreCSAT } from './computeCSAT.js';
import { checkMetricOptions, type InputOptions, type MetricInput, resolveTally } from './resolveTally.js';
import { effectiveCount, rangeSpread, shareStandardError, sumRange, tallyTotals } from './tallyStatistics.js';

/** Two tallies' CSAT compared with checked settings: what `compareCSAT`, segment tables and trends share. */
export function compareCSATTallies<S extends Scale>(functionName: string, a: Tally<S>, b: Tally<S>, settings: CSATSettings): Comparison<CSATResult<S>, 'percent'> {
  const first = scoreCSAT(a, settings);
  const second = scoreCSAT(b, settings);
  const groupOf = (tally: Tally): MOVERGroup | undefined => {
    const totals = tallyTotals(tally, settings.varianceMethod);
    if (!(totals.weight > 0)) return undefined;
    const satisfied = sumRange(tally, settings.satisfied);
    const estimate = satisfied.weight / totals.weight;
    const spread = rangeSpread(tally, settings.satisfied, totals, estimate);
    const successes = effectiveCount(satisfied.weight, totals, spread.effectiveN);
    return { estimate, standardError: shareStandardError(spread), intervalAt: (z) => wilsonInterval(successes, spread.effectiveN, { z }) };
  };
  return comparison(functionName, first, second, 'mover', () => {
    const groupA = groupOf(a);
    const groupB = groupOf(b);
    return groupA === undefined || groupB === undefined ? undefined : moverDifference(groupA, groupB, settings.level, 1);
  }, 'percent');
}

/**
 * Compares the CSAT of two independent groups, a − b, in percentage points: Newcombe's hybrid
 * score interval (1998b, method 10: the MOVER interval of the two Wilson intervals) and the
 * p-value that inverts it (the level at which the interval reaches 0), one rule for
 * "significant": p < 1 − level exactly when the interval leaves out 0. (The pooled z test's
 * p-value, which {@link proportionDifferenceTest} pairs with the same interval, disagrees with it
 * in about 0.3% of cases.) Its type I error stays at 5% for groups of 10 or more; a group of 1–3
 * answers against hundreds rejects 8–12% of true nulls, as the pooled z test does (docs/methods.md,
 * "Coverage"): segment tables mark such segments unreliable. Each group is computed as {@link computeCSAT} does, from raw answers,
 * records, tallies or weighted data (weighted groups bring their linearization effective n); the
 * options (the satisfied cut included) apply to both. Errors name the group (`a[3]`). The
 * `interval` option sets each group's own interval in `a` and `b`; the difference always uses
 * the Wilson intervals, as Newcombe's method does.
 *
 * @param a - group a: answers, records or a tally
 * @param b - group b: the same
 * @param options - as for {@link computeCSAT}
 * @returns both results, the signed difference with its interval (in percent), z and the p-value
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
export function compareCSAT<S extends Scale = Scale, T = unknown>(a: MetricInput<S, T>, b: MetricInput<S, T>, options?: CSATOptions<T>): Comparison<CSATResult<S>, 'percent'> {
  return guard('compareCSAT', () => {
    const fn = 'compareCSAT';
    const checked = checkMetricOptions(fn, options, CSAT_OPTION_NAMES);
    const first = resolveTally(fn, a, checked as InputOptions<S, T>, scales.csat5 as unknown as S, ['a']);
    const second = resolveTally(fn, b, checked as InputOptions<S, T>, scales.csat5 as unknown as S, ['b']);
    return compareCSATTallies(fn, first, second, csatSettings(fn, checked as CSATOptions<never>, first.scale));
  });
}

import { guard } from '../internal/guard.js';
import type { Scale } from '../scales/defineScale.js';
import { scales } from '../scales/scales.js';
import { type MOVERGroup, moverDifference } from '../stats/moverDifference.js';
import { npsInterval } from '../stats/npsInterval.js';
import type { Tally } from '../tally/Tally.js';
import type { Comparison } from './ComparisonResult.js';
import { comparison } from './comparison.js';
import { NPS_OPTION_NAMES, type NPSOptions, type NPSResult, type NPSSettings, npsEstimate, npsSettings, npsTotals, scoreNPS } from './computeNPS.js';
import { checkMetricOptions, type InputOptions, type MetricInput, resolveTally } from './resolveTally.js';
import { shareStandardError } from './tallyStatistics.js';

/** Two tallies' NPS compared with checked settings: what `compareNPS`, segment tables and trends share. */
export function compareNPSTallies<S extends Scale>(functionName: string, a: Tally<S>, b: Tally<S>, settings: NPSSettings): Comparison<NPSResult<S>, 'points'> {
  const first = scoreNPS(a, settings);
  const second = scoreNPS(b, settings);
  const groupOf = (tally: Tally): MOVERGroup | undefined => {
    const estimate = npsEstimate(tally, npsTotals(tally, settings));
    if (estimate === undefined) return undefined;
    return {
      estimate: estimate.score,
      standardError: shareStandardError(estimate.spread),
      // The score (Tango) interval, whatever the groups show: MOVER on score intervals is the NPS
      // analogue of Newcombe's method 10, and holds its type I error (docs/methods.md, "Coverage").
      intervalAt: (z) => npsInterval(estimate.counts, { interval: 'score', z }),
    };
  };
  return comparison(functionName, first, second, 'mover', () => {
    const groupA = groupOf(a);
    const groupB = groupOf(b);
    return groupA === undefined || groupB === undefined ? undefined : moverDifference(groupA, groupB, settings.level, 2);
  }, 'points');
}

/**
 * Compares the NPS of two independent groups, a − b, in points: the MOVER interval (Zou & Donner
 * 2008) built from the two groups' score (Tango) intervals, the NPS analogue of Newcombe's hybrid
 * score interval, and the p-value that inverts it (the level at which the interval reaches 0).
 * So the difference is always inside its interval and p < 1 − level exactly when the interval
 * leaves out 0; a seeded simulation keeps the type I error at or below 5% (docs/methods.md,
 * "Coverage"). Each group is computed as {@link computeNPS} does, from raw answers, records,
 * tallies or weighted data (the options apply to both; weighted groups bring their linearization
 * effective n); the two must be on the same scale. Errors name the group (`a[3]`). The
 * `interval` option sets each group's own interval in `a` and `b`; the difference always uses
 * the score intervals, since MOVER needs intervals that hold their level near 0 and 100%.
 *
 * @param a - group a: answers, records or a tally
 * @param b - group b: the same
 * @param options - as for {@link computeNPS}
 * @returns both results, the signed difference with its interval (in points), the statistic (±z at which the interval reaches 0) and the p-value; no
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
 * change.ci?.unit; // => "points"
 * change.pValue !== undefined && change.pValue < 0.05; // => false
 * ```
 */
export function compareNPS<S extends Scale = Scale, T = unknown>(a: MetricInput<S, T>, b: MetricInput<S, T>, options?: NPSOptions<T>): Comparison<NPSResult<S>, 'points'> {
  return guard('compareNPS', () => {
    const fn = 'compareNPS';
    const checked = checkMetricOptions(fn, options, NPS_OPTION_NAMES);
    const first = resolveTally(fn, a, checked as InputOptions<S, T>, scales.nps as unknown as S, ['a']);
    const second = resolveTally(fn, b, checked as InputOptions<S, T>, scales.nps as unknown as S, ['b']);
    return compareNPSTallies(fn, first, second, npsSettings(fn, checked as NPSOptions<never>, first.scale));
  });
}

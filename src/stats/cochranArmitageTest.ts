import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { checkNumber, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { normalCDF } from './normalCDF.js';
import { twoSidedNormalP } from './TestResult.js';

/** Options for {@link cochranArmitageTest}. */
export interface CochranArmitageOptions {
  /** A score per group (the order the trend is tested along). Default 1, 2, 3, …, as R's `prop.trend.test`. */
  readonly scores?: readonly number[] | undefined;
}

/** The outcome of a test for trend in proportions. */
export interface TrendTest {
  /** z: signed, positive when the event rate rises with the score. */
  readonly statistic: number;
  /** z², the chi-squared statistic with 1 degree of freedom (R's `X-squared`). */
  readonly chiSquare: number;
  /** The two-sided p-value of "no trend". */
  readonly pValue: number;
  /** The one-sided p-value of "no rising trend", against a rate that rises with the score. */
  readonly pValueIncreasing: number;
  /** The scores used. */
  readonly scores: readonly number[];
}

const OPTION_NAMES = ['scores'] as const satisfies readonly (keyof CochranArmitageOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof CochranArmitageOptions, (typeof OPTION_NAMES)[number]>;

/**
 * The Cochran–Armitage test for a trend in proportions across ordered groups (Cochran 1954,
 * *Biometrics* 10:417–451; Armitage 1955, *Biometrics* 11:375–386): does the event rate rise (or
 * fall) with the group's score? With events xᵢ of nᵢ in group i, scores tᵢ, N = Σnᵢ and
 * p̄ = Σxᵢ/N: T = Σ tᵢ(xᵢ − nᵢp̄), Var(T) = p̄(1 − p̄)·(Σnᵢtᵢ² − (Σnᵢtᵢ)²/N), z = T/√Var(T).
 * It reproduces R's `prop.trend.test` (whose `X-squared` is z²). Used by `evaluateRiskTiers` to
 * test that churn rises with the risk tier; it is far more powerful for that than a chi-squared
 * test of any difference, because it asks only about order.
 *
 * @param events - the events (churned customers) per group, whole numbers
 * @param n - the group sizes, whole numbers at least the events
 * @param options - `scores` of the groups (default 1, 2, …)
 * @returns z, z², the two-sided p-value and the one-sided one for a rising rate
 * @throws {@link CxMetricsError} `invalid_argument` for groups of different lengths, fewer than 2 groups, counts that are not whole or exceed their group, scores that do not differ, or no variation (every member an event, or none)
 *
 * @example
 * ```ts
 * import { cochranArmitageTest } from 'cx-metrics';
 *
 * // R: prop.trend.test(c(83, 90, 129, 70), c(86, 93, 136, 82)) prints X-squared = 8.2249, p-value = 0.004132
 * const test = cochranArmitageTest([83, 90, 129, 70], [86, 93, 136, 82]);
 * [test.chiSquare, test.pValue]; // => [8.2249, 0.004132]
 * test.statistic < 0; // => true
 * ```
 */
export function cochranArmitageTest(events: readonly number[], n: readonly number[], options?: CochranArmitageOptions): TrendTest {
  return guard('cochranArmitageTest', () => {
    const fn = 'cochranArmitageTest';
    const checked = checkOptions(fn, options, OPTION_NAMES);
    if (!Array.isArray(events) || events.length < 2) fail(fn, 'invalid_argument', 'invalid_value', 'an array of events for 2 or more groups', events, ['events']);
    if (!Array.isArray(n) || n.length !== events.length) fail(fn, 'invalid_argument', 'mismatch', `an array of ${events.length} group sizes, one per group`, n, ['n']);
    const scores = checked.scores ?? events.map((_, at) => at + 1);
    if (!Array.isArray(scores) || scores.length !== events.length) fail(fn, 'invalid_option', 'mismatch', `an array of ${events.length} scores, one per group`, scores, ['options', 'scores']);
    let total = 0;
    let eventTotal = 0;
    for (let at = 0; at < events.length; at++) {
      const size = checkNumber(fn, n[at], ['n', at], { min: 0, integer: true, describe: 'a group size: a whole number of at least 0' });
      checkNumber(fn, events[at], ['events', at], { min: 0, max: size, integer: true, describe: `events: a whole number from 0 to the group size ${size}` });
      checkNumber(fn, scores[at], ['options', 'scores', at], { describe: 'a finite score' }, 'invalid_option');
      total += size;
      eventTotal += events[at] as number;
    }
    if (eventTotal === 0 || eventTotal === total) fail(fn, 'invalid_argument', 'out_of_range', 'events in some groups and non-events in some (with every member an event, or none, there is no variation to test)', `${eventTotal} events of ${total}`, ['events']);
    const pooled = eventTotal / total;
    let trend = 0;
    let weighted = 0;
    let weightedSquares = 0;
    for (let at = 0; at < events.length; at++) {
      const score = scores[at] as number;
      const size = n[at] as number;
      trend += score * ((events[at] as number) - size * pooled);
      weighted += size * score;
      weightedSquares += size * score * score;
    }
    const spread = weightedSquares - (weighted * weighted) / total;
    // Relative to the scores' own size: scores that are equal in every group with members leave nothing to order.
    if (!(spread > 1e-12 * weightedSquares)) fail(fn, 'invalid_option', 'invalid_value', 'scores that differ between groups with members', scores, ['options', 'scores']);
    const statistic = trend / Math.sqrt(pooled * (1 - pooled) * spread);
    return Object.freeze({
      statistic,
      chiSquare: statistic * statistic,
      pValue: twoSidedNormalP(statistic),
      pValueIncreasing: normalCDF(-statistic),
      scores: Object.freeze([...scores]),
    });
  });
}

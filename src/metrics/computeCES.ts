import { fail } from '../internal/issue.js';
import { checkChoice, checkLevel } from '../internal/options.js';
import type { Scale } from '../scales/defineScale.js';
import { assertScaleMetric } from '../scales/isSameScale.js';
import { npsInterval, type NPSIntervalMethod, NPS_INTERVAL_METHODS } from '../stats/npsInterval.js';
import { PROPORTION_INTERVAL_METHODS, proportionInterval, type ProportionIntervalMethod } from '../stats/proportionInterval.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Tally } from '../tally/Tally.js';
import type { AnswerInput } from '../tally/tallyAnswers.js';
import { meanSummary } from './meanSummary.js';
import type { BandBreakdown, ConfidenceInterval, MetricResultBase, ShareWithInterval } from './MetricResult.js';
import { type InputOptions, resolveTally } from './resolveTally.js';
import { checkRange, type GroupSums, kishCount, netCounts, type PointRange, resultBase, scaledInterval, sentimentRange, sumRange, type TallyTotals, tallyTotals } from './tallyStatistics.js';

/** Options for {@link computeCES}. */
export interface CESOptions<T = unknown> extends InputOptions<Scale, T> {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The interval method for % easy and % difficult: `'wilson'` (default), `'agresti-coull'` or `'clopper-pearson'`. */
  readonly interval?: ProportionIntervalMethod | undefined;
  /** The interval method for net easy (a difference of shares, like NPS): `'adjusted-wald'` (default), `'wald'` or `'score'`. */
  readonly netInterval?: NPSIntervalMethod | undefined;
  /** The points that count as easy, when not the scale's positive bands. Must sit at the scale's good end. */
  readonly easy?: PointRange | undefined;
  /** The points that count as difficult, when not the scale's negative bands. Must sit at the scale's bad end. */
  readonly difficult?: PointRange | undefined;
}

/** A net score in points (% positive − % negative) with its interval. */
export interface NetScore {
  /** The net score in points, −100…100. */
  readonly score: number;
  /** Its interval, in points. */
  readonly ci: ConfidenceInterval<NPSIntervalMethod>;
}

/** The parts of a CES result that depend on whether there was anything to score. */
interface CESParts {
  /** Always `'ces'`. */
  readonly metric: 'ces';
  /** Every band of the scale with its answers. */
  readonly bands: readonly BandBreakdown[];
}

/** A CES computed from at least one answer. */
export interface CESScored<S extends Scale = Scale> extends MetricResultBase<S>, CESParts {
  /** CES: the mean answer on the scale's own numbers (on a lower-is-better scale, lower is better). */
  readonly score: number;
  /** The t interval of the mean, clipped to the scale (the whole scale with fewer than two answers). */
  readonly ci: ConfidenceInterval<'t' | 'scale-range'>;
  /** The standard error of the mean; undefined with fewer than two (effective) answers. */
  readonly standardError: number | undefined;
  /** The standard deviation of the answers; undefined with fewer than two (effective) answers. */
  readonly sd: number | undefined;
  /** % easy (low effort), with its interval. */
  readonly easy: ShareWithInterval;
  /** % difficult (high effort), with its interval. */
  readonly difficult: ShareWithInterval;
  /** Net easy in points, −100…100: % easy − % difficult, with its interval. */
  readonly netEasy: NetScore;
}

/** A CES of an empty sample: no score, no interval, no shares. */
export interface CESEmpty<S extends Scale = Scale> extends MetricResultBase<S>, CESParts {
  /** No score without answers. */
  readonly score: undefined;
  /** No interval without answers. */
  readonly ci: undefined;
  /** No standard error without answers. */
  readonly standardError: undefined;
  /** No spread without answers. */
  readonly sd: undefined;
  /** No share without answers. */
  readonly easy: undefined;
  /** No share without answers. */
  readonly difficult: undefined;
  /** No net easy without answers. */
  readonly netEasy: undefined;
}

/** The result of {@link computeCES}: check `score !== undefined` before reading the score. */
export type CESResult<S extends Scale = Scale> = CESScored<S> | CESEmpty<S>;

/** Easy and difficult ranges: options or the scale's bands, each at its own end and apart. */
function effortRanges(fn: string, scale: Scale, options: CESOptions<never>): { easy: PointRange; difficult: PointRange } {
  const easy = options.easy === undefined ? sentimentRange(fn, scale, 'positive', 'easy') : checkRange(fn, options.easy, scale, 'easy');
  const difficult = options.difficult === undefined ? sentimentRange(fn, scale, 'negative', 'difficult') : checkRange(fn, options.difficult, scale, 'difficult');
  const easyAtTop = scale.polarity === 'higher-is-better';
  if (easyAtTop ? easy.min <= difficult.max : easy.max >= difficult.min) {
    fail(
      fn,
      'invalid_option',
      'out_of_range',
      `easy ${easyAtTop ? 'above' : 'below'} difficult, without overlap: scale '${scale.id}' is ${scale.polarity}`,
      options.easy ?? options.difficult,
      ['options', options.easy === undefined ? 'difficult' : 'easy'],
    );
  }
  return { easy, difficult };
}

function share(sums: GroupSums, range: PointRange, totals: TallyTotals, method: ProportionIntervalMethod, level: number): ShareWithInterval {
  return {
    ...range,
    count: sums.count,
    weight: sums.weight,
    percent: (100 * sums.weight) / totals.weight,
    ci: scaledInterval(proportionInterval(kishCount(sums.weight, totals), totals.effectiveN, { method, level }), 100, level, method),
  };
}

/**
 * Customer Effort Score: the mean answer on the scale (Gartner, SoGoSurvey, Formbricks), with a
 * t interval, and beside it % easy, % difficult (each with a Wilson interval) and net easy
 * (% easy − % difficult, with an adjusted-Wald interval as for NPS).
 *
 * The scale is required for raw answers, because CES variants disagree on direction: on CES 2.0
 * (`scales.ces7`, agreement) a high answer is good; on CES 1.0 (`scales.ces5Effort`) a low one.
 * The mean keeps the scale's own numbers; "easy" follows the scale's polarity.
 *
 * @param input - raw answers (array, typed array, iterable, rows with a `value` accessor) or a {@link Tally}
 * @param options - scale (required for raw answers), easy/difficult ranges, weights, level, interval methods, onInvalid
 * @returns the score, intervals, shares and accounting
 * @throws {@link CxMetricsError} `invalid_option` (a missing scale included), `invalid_answers`,
 * `invalid_weights`, `scale_mismatch`
 *
 * @example
 * ```ts
 * import { computeCES, scales } from 'cx-metrics';
 *
 * const result = computeCES([7, 6, 6, 5, 4, 2, 7], { scale: scales.ces7 });
 * result.score; // => 5.285714
 * result.easy?.percent; // => 71.428571
 * result.netEasy?.score; // => 57.142857
 *
 * // CES 1.0: low effort is good, and "easy" follows
 * computeCES([1, 2, 2, 5], { scale: scales.ces5Effort }).easy?.percent; // => 75
 * ```
 */
export function computeCES<S extends Scale = Scale, T = unknown>(input: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>, options: CESOptions<T> = {}): CESResult<S> {
  const fn = 'computeCES';
  const tally = resolveTally(fn, input, options as InputOptions<S, T>, undefined, ['level', 'interval', 'netInterval', 'easy', 'difficult']);
  assertScaleMetric(fn, tally.scale, 'ces');
  const level = checkLevel(fn, options.level ?? 0.95);
  const method = checkChoice(fn, options.interval ?? 'wilson', PROPORTION_INTERVAL_METHODS, ['options', 'interval']);
  const netMethod = checkChoice(fn, options.netInterval ?? 'adjusted-wald', NPS_INTERVAL_METHODS, ['options', 'netInterval']);
  const ranges = effortRanges(fn, tally.scale, options as CESOptions<never>);
  const totals = tallyTotals(tally);
  const parts = { metric: 'ces' as const, ...resultBase(tally, totals) };
  if (totals.weight === 0) {
    return Object.freeze({ ...parts, score: undefined, ci: undefined, standardError: undefined, sd: undefined, easy: undefined, difficult: undefined, netEasy: undefined }) as CESEmpty<S>;
  }
  const easySums = sumRange(tally, ranges.easy);
  const difficultSums = sumRange(tally, ranges.difficult);
  const mean = meanSummary(tally, totals, level);
  return Object.freeze({
    ...parts,
    score: mean.value,
    ci: mean.ci,
    standardError: mean.standardError,
    sd: mean.sd,
    easy: share(easySums, ranges.easy, totals, method, level),
    difficult: share(difficultSums, ranges.difficult, totals, method, level),
    netEasy: {
      score: (100 * (easySums.weight - difficultSums.weight)) / totals.weight,
      ci: scaledInterval(npsInterval(netCounts(easySums, difficultSums, totals), { method: netMethod, level }), 100, level, netMethod),
    },
  }) as CESScored<S>;
}

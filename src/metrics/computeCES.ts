import { guard } from '../internal/guard.js';
import { withDisplay } from '../internal/display.js';
import { fail } from '../internal/issue.js';
import { checkChoice, checkKnownKeys, checkLevel, type EveryKeyListed } from '../internal/options.js';
import type { Scale } from '../scales/defineScale.js';
import { assertScaleMetric } from '../scales/isSameScale.js';
import type { Interval } from '../stats/Interval.js';
import { npsInterval, type NPSIntervalMethod, NPS_INTERVAL_METHODS } from '../stats/npsInterval.js';
import { PROPORTION_INTERVAL_METHODS, type ProportionIntervalMethod } from '../stats/proportionInterval.js';
import type { Tally } from '../tally/Tally.js';
import type { BandShare, Mean, MetricResultBase, PointRange, RangeShare } from './MetricResult.js';
import { checkMetricOptions, type InputOptions, type MetricInput, resolveTally } from './resolveTally.js';
import { bandShares, checkRange, meanOf, netCounts, rangeShare, resultBase, scaled, sentimentRange, shareStandardError, spreadOf, sumRange, tallyTotals, VARIANCE_METHODS, type VarianceMethod } from './tallyStatistics.js';

/** The interval methods of a CES result: one for the shares (% easy, % difficult), one for net easy. */
export interface CESIntervalMethods {
  /** % easy and % difficult: `'wilson'` (default), `'agresti-coull'` or `'clopper-pearson'`. */
  readonly share?: ProportionIntervalMethod | undefined;
  /** Net easy, a difference of shares like NPS: `'adjusted-wald'` (default), `'wald'` or `'score'`. */
  readonly net?: NPSIntervalMethod | undefined;
}

const CES_INTERVAL_KEYS = ['share', 'net'] as const satisfies readonly (keyof CESIntervalMethods)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof CESIntervalMethods, (typeof CES_INTERVAL_KEYS)[number]>;

/** Options for {@link computeCES} and {@link compareCES}. */
export interface CESOptions<T = unknown> extends InputOptions<Scale, T> {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /**
   * The interval methods: a proportion method for the shares (`'wilson'`, the default), or
   * `{ share, net }` to choose net easy's too. The mean always has a Student t interval.
   */
  readonly interval?: ProportionIntervalMethod | CESIntervalMethods | undefined;
  /** The points that count as easy, when not the scale's positive bands. Must sit at the scale's good end. */
  readonly easy?: PointRange | undefined;
  /** The points that count as difficult, when not the scale's negative bands. Must sit at the scale's bad end. */
  readonly difficult?: PointRange | undefined;
  /** With weights: `'linearization'` (default, as R's `survey`) or `'kish'`. See {@link VarianceMethod}. */
  readonly varianceMethod?: VarianceMethod | undefined;
}

/** The option names of CES itself (besides the input options). */
const LISTED_CES_OPTION_NAMES = ['level', 'interval', 'easy', 'difficult', 'varianceMethod'] as const satisfies readonly Exclude<keyof CESOptions, keyof InputOptions>[];
/** The names, for checking at run time. */
export const CES_OPTION_NAMES: readonly (Exclude<keyof CESOptions, keyof InputOptions>)[] = LISTED_CES_OPTION_NAMES;
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof CESOptions, keyof InputOptions | (typeof LISTED_CES_OPTION_NAMES)[number]>;

/** A net score in points (% positive − % negative) with its interval. */
export interface NetScore {
  /** The net score in points, −100…100. */
  readonly score: number;
  /** Its interval, in points. */
  readonly ci: Interval<NPSIntervalMethod, 'points'>;
  /** Its standard error in points, 100·√((p₊ + p₋ − (p₊ − p₋)²)/n) unweighted; with weights, as for NPS. */
  readonly standardError: number;
}

/** The parts of a CES result that depend on whether there was anything to score. */
export interface CESParts<Percent extends number | undefined> {
  /** Always `'ces'`. */
  readonly metric: 'ces';
  /** % easy (low effort): the easy range with its share. */
  readonly easy: RangeShare<Percent>;
  /** % difficult (high effort): the difficult range with its share. */
  readonly difficult: RangeShare<Percent>;
  /** Every band of the scale with its share. */
  readonly bands: readonly BandShare<Percent>[];
}

/** A CES computed from at least one answer. */
export interface CESScored<S extends Scale = Scale> extends MetricResultBase<S>, CESParts<number> {
  /** CES: the mean answer on the scale's own numbers (on a lower-is-better scale, lower is better); `mean.value`. */
  readonly score: number;
  /** The t interval of the mean, on the scale (`mean.ci`). */
  readonly ci: Interval<'t' | 'scale-range', 'scale'>;
  /** The standard error of the mean (`mean.standardError`); undefined with fewer than two (effective) answers. */
  readonly standardError: number | undefined;
  /** The mean with its spread and interval, in the same shape as CSAT's. */
  readonly mean: Mean;
  /** Net easy in points, −100…100: % easy − % difficult, with its interval. */
  readonly netEasy: NetScore;
}

/** A CES of an empty sample: no score, no interval, no mean. */
export interface CESEmpty<S extends Scale = Scale> extends MetricResultBase<S>, CESParts<undefined> {
  /** No score without answers. */
  readonly score: undefined;
  /** No interval without answers. */
  readonly ci: undefined;
  /** No standard error without answers. */
  readonly standardError: undefined;
  /** No mean without answers. */
  readonly mean: undefined;
  /** No net easy without answers. */
  readonly netEasy: undefined;
}

/** The result of {@link computeCES}: check `score !== undefined` before reading the score. */
export type CESResult<S extends Scale = Scale> = CESScored<S> | CESEmpty<S>;

/** CES options, checked once for a scale. */
export interface CESSettings {
  readonly level: number;
  readonly share: ProportionIntervalMethod;
  readonly net: NPSIntervalMethod;
  readonly easy: PointRange;
  readonly difficult: PointRange;
  readonly varianceMethod: VarianceMethod;
}

/** Checks CES's own options against a scale: easy and difficult each at their own end, apart. */
export function cesSettings(functionName: string, options: CESOptions<never>, scale: Scale): CESSettings {
  const fn = functionName;
  assertScaleMetric(fn, scale, 'ces');
  const easy = options.easy === undefined ? sentimentRange(fn, scale, 'positive', 'easy') : checkRange(fn, options.easy, scale, 'easy');
  const difficult = options.difficult === undefined ? sentimentRange(fn, scale, 'negative', 'difficult') : checkRange(fn, options.difficult, scale, 'difficult');
  const easyAtTop = scale.polarity === 'higher-is-better';
  if (easyAtTop ? easy.min <= difficult.max : easy.max >= difficult.min) {
    fail(fn, 'invalid_option', 'out_of_range', `easy ${easyAtTop ? 'above' : 'below'} difficult, without overlap: scale '${scale.id}' is ${scale.polarity}`, options.easy ?? options.difficult, [
      'options',
      options.easy === undefined ? 'difficult' : 'easy',
    ]);
  }
  const interval = options.interval;
  let methods: CESIntervalMethods = {};
  if (typeof interval === 'object' && interval !== null) {
    checkKnownKeys(fn, interval, CES_INTERVAL_KEYS, ['options', 'interval']);
    methods = interval;
  } else if (interval !== undefined) methods = { share: interval };
  return {
    level: checkLevel(fn, options.level ?? 0.95),
    share: checkChoice(fn, methods.share ?? 'wilson', PROPORTION_INTERVAL_METHODS, ['options', 'interval', ...(typeof interval === 'object' ? ['share'] : [])]),
    net: checkChoice(fn, methods.net ?? 'adjusted-wald', NPS_INTERVAL_METHODS, ['options', 'interval', 'net']),
    easy,
    difficult,
    varianceMethod: checkChoice(fn, options.varianceMethod ?? 'linearization', VARIANCE_METHODS, ['options', 'varianceMethod']),
  };
}

/** The CES of a tally with checked settings; never throws. */
export function scoreCES<S extends Scale>(tally: Tally<S>, settings: CESSettings): CESResult<S> {
  const { level } = settings;
  const totals = tallyTotals(tally, settings.varianceMethod);
  const shares = {
    metric: 'ces' as const,
    easy: rangeShare(tally, settings.easy, totals, settings.share, level),
    difficult: rangeShare(tally, settings.difficult, totals, settings.share, level),
    bands: bandShares(tally, totals, settings.share, level),
  };
  if (!(totals.weight > 0)) {
    return Object.freeze(withDisplay({ ...shares, ...resultBase(tally, totals, undefined), score: undefined, ci: undefined, standardError: undefined, mean: undefined, netEasy: undefined }, 'metric')) as CESEmpty<S>;
  }
  const easySums = sumRange(tally, settings.easy);
  const difficultSums = sumRange(tally, settings.difficult);
  const { mean, spread } = meanOf(tally, totals, level);
  const net = (easySums.weight - difficultSums.weight) / totals.weight;
  const { easy, difficult } = settings;
  const netSpread = spreadOf(tally, totals, (point) => (point >= easy.min && point <= easy.max ? 1 : point >= difficult.min && point <= difficult.max ? -1 : 0), net);
  return Object.freeze(withDisplay({
    ...shares,
    ...resultBase(tally, totals, spread),
    score: mean.value,
    ci: mean.ci,
    standardError: mean.standardError,
    mean,
    netEasy: {
      score: 100 * net,
      ci: scaled(npsInterval(netCounts(easySums, difficultSums, totals, netSpread.effectiveN), { interval: settings.net, level }), 'points'),
      standardError: 100 * shareStandardError(netSpread),
    },
  }, 'metric')) as CESScored<S>;
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
 * @param input - raw answers (array, typed array, iterable), rows with `value`, records, or a {@link Tally}
 * @param options - scale (required for raw answers), easy/difficult ranges, value, weights, level, interval methods, onInvalid
 * @returns the score, intervals, shares and accounting
 * @throws {@link CxMetricsError} `invalid_option` (a missing scale included), `invalid_answers`,
 * `invalid_weights`, `scale_mismatch`, `source_failed`
 *
 * @example
 * ```ts
 * import { computeCES, scales } from 'cx-metrics';
 *
 * const result = computeCES([7, 6, 6, 5, 4, 2, 7], { scale: scales.ces7 });
 * result.score; // => 5.285714
 * result.easy.percent; // => 71.428571
 * result.netEasy?.score; // => 57.142857
 * result.mean?.sd; // => 1.799471
 *
 * // CES 1.0: low effort is good, and "easy" follows
 * computeCES([1, 2, 2, 5], { scale: scales.ces5Effort }).easy.percent; // => 75
 * ```
 */
export function computeCES<S extends Scale = Scale, T = unknown>(input: MetricInput<S, T>, options?: CESOptions<T>): CESResult<S> {
  return guard('computeCES', () => {
    const fn = 'computeCES';
    const checked = checkMetricOptions(fn, options, CES_OPTION_NAMES);
    const tally = resolveTally(fn, input, checked as InputOptions<S, T>, undefined, []);
    return scoreCES(tally, cesSettings(fn, checked as CESOptions<never>, tally.scale));
  });
}

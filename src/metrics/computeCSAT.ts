import { guard } from '../internal/guard.js';
import { withDisplay } from '../internal/display.js';
import { fail } from '../internal/issue.js';
import { checkChoice, checkLevel, type EveryKeyListed } from '../internal/options.js';
import type { Scale } from '../scales/defineScale.js';
import { assertScaleMetric } from '../scales/isSameScale.js';
import { scales } from '../scales/scales.js';
import type { Interval } from '../stats/Interval.js';
import { PROPORTION_INTERVAL_METHODS, type ProportionIntervalMethod } from '../stats/proportionInterval.js';
import type { Tally } from '../tally/Tally.js';
import type { BandShare, Mean, MetricResultBase, PointRange, RangeShare } from './MetricResult.js';
import { checkMetricOptions, type InputOptions, type MetricInput, resolveTally } from './resolveTally.js';
import { bandShares, checkRange, meanOf, rangeShare, rangeSpread, resultBase, sentimentRange, shareStandardError, tallyTotals, VARIANCE_METHODS, type VarianceMethod } from './tallyStatistics.js';

/** Options for {@link computeCSAT} and {@link compareCSAT}. */
export interface CSATOptions<T = unknown> extends InputOptions<Scale, T> {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The interval method of the CSAT share (and the band shares): `'wilson'` (default), `'agresti-coull'` or `'clopper-pearson'`. */
  readonly interval?: ProportionIntervalMethod | undefined;
  /**
   * The points that count as satisfied, when not the scale's positive bands: CustomerGauge
   * counts 9–10 on a 1–10 scale, `{ min: 9, max: 10 }`. Must include the scale's best point.
   */
  readonly satisfied?: PointRange | undefined;
  /** With weights: `'linearization'` (default, as R's `survey`) or `'kish'`. See {@link VarianceMethod}. */
  readonly varianceMethod?: VarianceMethod | undefined;
}

/** The option names of CSAT itself (besides the input options). */
const LISTED_CSAT_OPTION_NAMES = ['level', 'interval', 'satisfied', 'varianceMethod'] as const satisfies readonly Exclude<keyof CSATOptions, keyof InputOptions>[];
/** The names, for checking at run time. */
export const CSAT_OPTION_NAMES: readonly (Exclude<keyof CSATOptions, keyof InputOptions>)[] = LISTED_CSAT_OPTION_NAMES;
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof CSATOptions, keyof InputOptions | (typeof LISTED_CSAT_OPTION_NAMES)[number]>;

/** The parts of a CSAT result that depend on whether there was anything to score. */
export interface CSATParts<Percent extends number | undefined> {
  /** Always `'csat'`. */
  readonly metric: 'csat';
  /** The satisfied range with its share (the score is its `percent`). */
  readonly satisfied: RangeShare<Percent>;
  /** Every band of the scale with its share. */
  readonly bands: readonly BandShare<Percent>[];
}

/** A CSAT computed from at least one answer. */
export interface CSATScored<S extends Scale = Scale> extends MetricResultBase<S>, CSATParts<number> {
  /** CSAT in percent, 0…100: the share of answers in the satisfied range. Exact; round for display only. */
  readonly score: number;
  /** The interval of `score`, in percent. */
  readonly ci: Interval<ProportionIntervalMethod, 'percent'>;
  /** The standard error of `score` in percent: 100·√(p(1 − p)/n) unweighted; with weights, linearization's (R's `survey::svymean`), or 100·√(p(1 − p)/n_eff) with Kish. */
  readonly standardError: number;
  /** The mean answer, a secondary figure, with its t interval. */
  readonly mean: Mean;
}

/** A CSAT of an empty sample: no score, no interval, no mean. */
export interface CSATEmpty<S extends Scale = Scale> extends MetricResultBase<S>, CSATParts<undefined> {
  /** No score without answers. */
  readonly score: undefined;
  /** No interval without answers. */
  readonly ci: undefined;
  /** No standard error without answers. */
  readonly standardError: undefined;
  /** No mean without answers. */
  readonly mean: undefined;
}

/** The result of {@link computeCSAT}: check `score !== undefined` before reading the score. */
export type CSATResult<S extends Scale = Scale> = CSATScored<S> | CSATEmpty<S>;

/** CSAT options, checked once for a scale. */
export interface CSATSettings {
  readonly level: number;
  readonly interval: ProportionIntervalMethod;
  readonly satisfied: PointRange;
  readonly varianceMethod: VarianceMethod;
}

/** Checks CSAT's own options against a scale: the satisfied range must hold the scale's best point. */
export function csatSettings(functionName: string, options: CSATOptions<never>, scale: Scale): CSATSettings {
  assertScaleMetric(functionName, scale, 'csat');
  const range = options.satisfied === undefined ? sentimentRange(functionName, scale, 'positive', 'satisfied') : checkRange(functionName, options.satisfied, scale, 'satisfied');
  const best = scale.polarity === 'higher-is-better' ? scale.max : scale.min;
  if (best < range.min || best > range.max) {
    fail(functionName, 'invalid_option', 'out_of_range', `a satisfied range that includes the scale's best point, ${best} (scale '${scale.id}' is ${scale.polarity})`, options.satisfied, ['options', 'satisfied']);
  }
  return {
    level: checkLevel(functionName, options.level ?? 0.95),
    interval: checkChoice(functionName, options.interval ?? 'wilson', PROPORTION_INTERVAL_METHODS, ['options', 'interval']),
    satisfied: range,
    varianceMethod: checkChoice(functionName, options.varianceMethod ?? 'linearization', VARIANCE_METHODS, ['options', 'varianceMethod']),
  };
}

/** The CSAT of a tally with checked settings; never throws. */
export function scoreCSAT<S extends Scale>(tally: Tally<S>, settings: CSATSettings): CSATResult<S> {
  const { level, interval } = settings;
  const totals = tallyTotals(tally, settings.varianceMethod);
  const satisfied = rangeShare(tally, settings.satisfied, totals, interval, level);
  const spread = satisfied.percent === undefined ? undefined : rangeSpread(tally, settings.satisfied, totals, satisfied.weight / totals.weight);
  const parts = { metric: 'csat' as const, satisfied, bands: bandShares(tally, totals, interval, level), ...resultBase(tally, totals, spread) };
  if (satisfied.percent === undefined || spread === undefined) return Object.freeze(withDisplay({ ...parts, score: undefined, ci: undefined, standardError: undefined, mean: undefined }, 'metric')) as CSATEmpty<S>;
  return Object.freeze(withDisplay({
    ...parts,
    score: satisfied.percent,
    ci: satisfied.ci,
    standardError: 100 * shareStandardError(spread),
    mean: meanOf(tally, totals, level).mean,
  }, 'metric')) as CSATScored<S>;
}

/**
 * Customer Satisfaction: the percentage of answers in the satisfied range (top-2-box, 4–5, on
 * the 1–5 scale; the scale's positive bands in general), with a Wilson interval (Newcombe 1998a)
 * by default, plus the mean answer with its t interval and the share of every band.
 *
 * Skipped answers are counted, not scored; invalid ones throw or, with `onInvalid: 'exclude'`,
 * are counted. Rounding (Delighted shows whole percents) belongs to display: the score is exact.
 * An empty sample gives `score: undefined`, never NaN. With weights, standard errors and intervals
 * use the Taylor-linearization variance as R's `survey` does (`varianceMethod: 'kish'` for Kish's effective n).
 *
 * @param input - raw answers (array, typed array, iterable), rows with `value`, records, or a {@link Tally}
 * @param options - scale (default `scales.csat5`), satisfied range, value, weights, level, interval, onInvalid
 * @returns the score, interval, mean and accounting
 * @throws {@link CxMetricsError} `invalid_answers`, `invalid_option`, `invalid_weights`, `scale_mismatch`, `source_failed`
 *
 * @example
 * ```ts
 * import { computeCSAT, scales } from 'cx-metrics';
 *
 * const result = computeCSAT([5, 4, 4, 3, 2, 5, 1, 4]);
 * result.score; // => 62.5
 * result.mean?.value; // => 3.5
 * result.ci; // => { lower: 30.57, upper: 86.32, level: 0.95, method: "wilson", unit: "percent" }
 *
 * // CustomerGauge-style: only 9–10 count as satisfied on 1–10
 * computeCSAT([10, 9, 8, 8], { scale: scales.csat10, satisfied: { min: 9, max: 10 } }).score; // => 50
 * ```
 */
export function computeCSAT<S extends Scale = Scale, T = unknown>(input: MetricInput<S, T>, options?: CSATOptions<T>): CSATResult<S> {
  return guard('computeCSAT', () => {
    const fn = 'computeCSAT';
    const checked = checkMetricOptions(fn, options, CSAT_OPTION_NAMES);
    const tally = resolveTally(fn, input, checked as InputOptions<S, T>, scales.csat5 as unknown as S, []);
    return scoreCSAT(tally, csatSettings(fn, checked as CSATOptions<never>, tally.scale));
  });
}

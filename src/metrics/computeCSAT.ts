import { fail } from '../internal/issue.js';
import { checkChoice, checkLevel } from '../internal/options.js';
import type { Scale } from '../scales/defineScale.js';
import { assertScaleMetric } from '../scales/isSameScale.js';
import { scales } from '../scales/scales.js';
import { PROPORTION_INTERVAL_METHODS, proportionInterval, type ProportionIntervalMethod } from '../stats/proportionInterval.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Tally } from '../tally/Tally.js';
import type { AnswerInput } from '../tally/tallyAnswers.js';
import type { MeanSummary } from './meanSummary.js';
import { meanSummary } from './meanSummary.js';
import type { BandBreakdown, BandCount, ConfidenceInterval, MetricResultBase } from './MetricResult.js';
import { type InputOptions, resolveTally } from './resolveTally.js';
import { bandCount, checkRange, kishCount, type PointRange, resultBase, scaledInterval, sentimentRange, sumRange, tallyTotals } from './tallyStatistics.js';

/** Options for {@link computeCSAT}. */
export interface CSATOptions<T = unknown> extends InputOptions<Scale, T> {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The interval method for the CSAT share: `'wilson'` (default), `'agresti-coull'` or `'clopper-pearson'`. */
  readonly interval?: ProportionIntervalMethod | undefined;
  /**
   * The points that count as satisfied, when not the scale's positive bands: CustomerGauge
   * counts 9–10 on a 1–10 scale, `{ min: 9, max: 10 }`. Must include the scale's best point.
   */
  readonly satisfied?: PointRange | undefined;
}

/** The satisfied range and the answers in it. */
export interface SatisfiedShare<Percent extends number | undefined = number | undefined> extends PointRange, BandCount<Percent> {}

/** The parts of a CSAT result that depend on whether there was anything to score. */
interface CSATParts {
  /** Always `'csat'`. */
  readonly metric: 'csat';
  /** Every band of the scale with its answers. */
  readonly bands: readonly BandBreakdown[];
}

/** A CSAT computed from at least one answer. */
export interface CSATScored<S extends Scale = Scale> extends MetricResultBase<S>, CSATParts {
  /** CSAT in percent, 0…100: the share of answers in the satisfied range. Exact; round for display only. */
  readonly score: number;
  /** The interval of `score`, in percent. */
  readonly ci: ConfidenceInterval<ProportionIntervalMethod>;
  /** The standard error of `score` in percent: 100·√(p(1 − p)/n_eff). */
  readonly standardError: number;
  /** The satisfied range and its answers. */
  readonly satisfied: SatisfiedShare<number>;
  /** The mean answer, a secondary figure, with its t interval. */
  readonly mean: MeanSummary;
}

/** A CSAT of an empty sample: no score, no interval, no mean. */
export interface CSATEmpty<S extends Scale = Scale> extends MetricResultBase<S>, CSATParts {
  /** No score without answers. */
  readonly score: undefined;
  /** No interval without answers. */
  readonly ci: undefined;
  /** No standard error without answers. */
  readonly standardError: undefined;
  /** The satisfied range, with no answers in it. */
  readonly satisfied: SatisfiedShare<undefined>;
  /** No mean without answers. */
  readonly mean: undefined;
}

/** The result of {@link computeCSAT}: check `score !== undefined` before reading the score. */
export type CSATResult<S extends Scale = Scale> = CSATScored<S> | CSATEmpty<S>;

/** The satisfied range: the option, or the scale's positive bands; it must hold the best point. */
function satisfiedRange(fn: string, scale: Scale, option: unknown): PointRange {
  const range = option === undefined ? sentimentRange(fn, scale, 'positive', 'satisfied') : checkRange(fn, option, scale, 'satisfied');
  const best = scale.polarity === 'higher-is-better' ? scale.max : scale.min;
  if (best < range.min || best > range.max) {
    fail(fn, 'invalid_option', 'out_of_range', `a satisfied range that includes the scale's best point, ${best} (scale '${scale.id}' is ${scale.polarity})`, option, ['options', 'satisfied']);
  }
  return range;
}

/**
 * Customer Satisfaction: the percentage of answers in the satisfied range (top-2-box, 4–5, on
 * the 1–5 scale; the scale's positive bands in general), with a Wilson interval (Newcombe 1998a)
 * by default, plus the mean answer with its t interval and the breakdown by band.
 *
 * Skipped answers are counted, not scored; invalid ones throw or, with `onInvalid: 'exclude'`,
 * are counted. Rounding (Delighted shows whole percents) belongs to display: the score is exact.
 * An empty sample gives `score: undefined`, never NaN. Weighted shares use Kish's effective n.
 *
 * @param input - raw answers (array, typed array, iterable, rows with a `value` accessor) or a {@link Tally}
 * @param options - scale (default `scales.csat5`), satisfied range, weights, level, interval, onInvalid
 * @returns the score, interval, mean and accounting
 * @throws {@link CxMetricsError} `invalid_answers`, `invalid_option`, `invalid_weights`, `scale_mismatch`
 *
 * @example
 * ```ts
 * import { computeCSAT, scales } from 'cx-metrics';
 *
 * const result = computeCSAT([5, 4, 4, 3, 2, 5, 1, 4]);
 * result.score; // => 62.5
 * result.mean?.value; // => 3.5
 * result.ci; // => { lower: 30.57, upper: 86.32, level: 0.95, method: "wilson" }
 *
 * // CustomerGauge-style: only 9–10 count as satisfied on 1–10
 * computeCSAT([10, 9, 8, 8], { scale: scales.csat10, satisfied: { min: 9, max: 10 } }).score; // => 50
 * ```
 */
export function computeCSAT<S extends Scale = Scale, T = unknown>(input: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>, options: CSATOptions<T> = {}): CSATResult<S> {
  const fn = 'computeCSAT';
  const tally = resolveTally(fn, input, options as InputOptions<S, T>, scales.csat5 as unknown as S, ['level', 'interval', 'satisfied']);
  assertScaleMetric(fn, tally.scale, 'csat');
  const level = checkLevel(fn, options.level ?? 0.95);
  const method = checkChoice(fn, options.interval ?? 'wilson', PROPORTION_INTERVAL_METHODS, ['options', 'interval']);
  const range = satisfiedRange(fn, tally.scale, options.satisfied);
  const totals = tallyTotals(tally);
  const satisfiedSums = sumRange(tally, range);
  const parts = { metric: 'csat' as const, ...resultBase(tally, totals) };
  if (totals.weight === 0) {
    return Object.freeze({
      ...parts,
      score: undefined,
      ci: undefined,
      standardError: undefined,
      satisfied: { ...range, count: satisfiedSums.count, weight: satisfiedSums.weight, percent: undefined },
      mean: undefined,
    }) as CSATEmpty<S>;
  }
  const share = satisfiedSums.weight / totals.weight;
  const interval = proportionInterval(kishCount(satisfiedSums.weight, totals), totals.effectiveN, { method, level });
  return Object.freeze({
    ...parts,
    score: 100 * share,
    ci: scaledInterval(interval, 100, level, method),
    standardError: 100 * Math.sqrt((share * (1 - share)) / totals.effectiveN),
    satisfied: { ...range, ...(bandCount(satisfiedSums, totals.weight) as { count: number; weight: number; percent: number }) },
    mean: meanSummary(tally, totals, level),
  }) as CSATScored<S>;
}

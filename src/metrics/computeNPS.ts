import { checkChoice, checkLevel } from '../internal/options.js';
import type { Scale } from '../scales/defineScale.js';
import { assertScaleMetric } from '../scales/isSameScale.js';
import { scales } from '../scales/scales.js';
import { npsInterval, type NPSIntervalMethod, NPS_INTERVAL_METHODS } from '../stats/npsInterval.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import type { Tally } from '../tally/Tally.js';
import type { AnswerInput } from '../tally/tallyAnswers.js';
import type { BandBreakdown, BandCount, ConfidenceInterval, MetricResultBase } from './MetricResult.js';
import { type InputOptions, resolveTally } from './resolveTally.js';
import { bandCount, netCounts, resultBase, scaledInterval, sentimentRange, sumSentiment, tallyTotals } from './tallyStatistics.js';

/** Options for {@link computeNPS}. */
export interface NPSOptions<T = unknown> extends InputOptions<Scale, T> {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The interval method: `'adjusted-wald'` (default), `'wald'` or `'score'`. See {@link npsInterval}. */
  readonly interval?: NPSIntervalMethod | undefined;
  /**
   * What the shares are shares of: `'answered'` (default) or `'all'`, answered plus skipped, as
   * Formbricks' summary and CustomerGauge's "No Scores" do (a skipped answer then counts like a
   * passive). Never a silent default: the result says which was used.
   */
  readonly denominator?: 'answered' | 'all' | undefined;
}

/** The parts of an NPS result that depend on whether there was anything to score. */
interface NPSParts<Percent extends number | undefined> {
  /** Always `'nps'`. */
  readonly metric: 'nps';
  /** What the shares are shares of. */
  readonly denominator: 'answered' | 'all';
  /** Answers in the negative bands (0–6 on the 0–10 scale). */
  readonly detractors: BandCount<Percent>;
  /** Answers in the neutral bands (7–8). */
  readonly passives: BandCount<Percent>;
  /** Answers in the positive bands (9–10). */
  readonly promoters: BandCount<Percent>;
  /** Every band of the scale with its answers. */
  readonly bands: readonly BandBreakdown<Percent>[];
}

/** An NPS computed from at least one answer. */
export interface NPSScored<S extends Scale = Scale> extends MetricResultBase<S>, NPSParts<number> {
  /** NPS in points, −100…100: % promoters − % detractors. Exact; round for display only. */
  readonly score: number;
  /** The confidence interval of `score`, in points. */
  readonly ci: ConfidenceInterval<NPSIntervalMethod>;
  /** The standard error of `score` in points: 100·√(Var/n_eff). */
  readonly standardError: number;
  /** The trinomial variance on the natural scale, pP + pD − (pP − pD)². */
  readonly variance: number;
}

/** An NPS of an empty sample: no score, no interval. */
export interface NPSEmpty<S extends Scale = Scale> extends MetricResultBase<S>, NPSParts<undefined> {
  /** No score without answers. */
  readonly score: undefined;
  /** No interval without answers. */
  readonly ci: undefined;
  /** No standard error without answers. */
  readonly standardError: undefined;
  /** No variance without answers. */
  readonly variance: undefined;
}

/** The result of {@link computeNPS}: check `score !== undefined` before reading the score. */
export type NPSResult<S extends Scale = Scale> = NPSScored<S> | NPSEmpty<S>;

/**
 * Net Promoter Score: the percentage of promoters (9–10) minus the percentage of detractors
 * (0–6), in points from −100 to 100, with a confidence interval (adjusted Wald by default,
 * Rocks 2016), its standard error and the breakdown by band.
 *
 * Every answer is accounted for in `responses`: skipped answers (null/undefined) are counted
 * and not scored; answers off the scale throw (default) or, with `onInvalid: 'exclude'`, are
 * counted as invalid. An empty sample gives `n: 0` and `score: undefined`, never NaN.
 * With weights, shares are weighted and the interval uses Kish's effective n.
 *
 * @param input - raw answers (array, typed array, iterable, or rows with a `value` accessor) or a {@link Tally}
 * @param options - scale (default `scales.nps`), weights, level, interval method, denominator, onInvalid
 * @returns the score, interval and accounting
 * @throws {@link CxMetricsError} `invalid_answers` listing every bad answer (with `onInvalid: 'throw'`),
 * `invalid_option`, `invalid_weights`, `scale_mismatch` for a tally on another scale
 *
 * @example
 * ```ts
 * import { computeNPS } from 'cx-metrics';
 *
 * const result = computeNPS([10, 9, 9, 8, 7, 6, 3, 10, null, 9]);
 * result.score; // => 33.333333
 * result.promoters.count; // => 5
 * result.responses; // => { total: 10, answered: 9, skipped: 1, invalid: 0 }
 * if (result.score !== undefined) {
 *   [result.ci.lower, result.ci.upper]; // => [-20.47, 70.47]
 * }
 * computeNPS([]).score; // => undefined
 * ```
 */
export function computeNPS<S extends Scale = Scale, T = unknown>(input: readonly ResponseRecord<S>[] | Tally<S> | AnswerInput<T>, options: NPSOptions<T> = {}): NPSResult<S> {
  const fn = 'computeNPS';
  const tally = resolveTally(fn, input, options as InputOptions<S, T>, scales.nps as unknown as S, ['level', 'interval', 'denominator']);
  assertScaleMetric(fn, tally.scale, 'nps');
  const level = checkLevel(fn, options.level ?? 0.95);
  const method = checkChoice(fn, options.interval ?? 'adjusted-wald', NPS_INTERVAL_METHODS, ['options', 'interval']);
  const denominator = checkChoice(fn, options.denominator ?? 'answered', ['answered', 'all'], ['options', 'denominator']);
  sentimentRange(fn, tally.scale, 'positive', 'scale');
  sentimentRange(fn, tally.scale, 'negative', 'scale');

  const totals = tallyTotals(tally, denominator === 'all');
  const promoterSums = sumSentiment(tally, 'positive');
  const detractorSums = sumSentiment(tally, 'negative');
  const parts = {
    metric: 'nps' as const,
    denominator,
    detractors: bandCount(detractorSums, totals.weight),
    passives: bandCount(sumSentiment(tally, 'neutral'), totals.weight),
    promoters: bandCount(promoterSums, totals.weight),
    ...resultBase(tally, totals, denominator === 'all' ? tally.answered + tally.skipped : tally.answered),
  };
  if (totals.weight === 0) {
    return Object.freeze({ ...parts, score: undefined, ci: undefined, standardError: undefined, variance: undefined }) as NPSEmpty<S>;
  }
  const promoterShare = promoterSums.weight / totals.weight;
  const detractorShare = detractorSums.weight / totals.weight;
  const net = promoterShare - detractorShare;
  const variance = Math.max(0, promoterShare + detractorShare - net * net);
  return Object.freeze({
    ...parts,
    score: (100 * (promoterSums.weight - detractorSums.weight)) / totals.weight,
    ci: scaledInterval(npsInterval(netCounts(promoterSums, detractorSums, totals), { method, level }), 100, level, method),
    standardError: 100 * Math.sqrt(variance / totals.effectiveN),
    variance,
  }) as NPSScored<S>;
}

import { guard } from '../internal/guard.js';
import { withDisplay } from '../internal/display.js';
import { checkChoice, checkLevel, type EveryKeyListed } from '../internal/options.js';
import type { Scale, Sentiment } from '../scales/defineScale.js';
import { assertScaleMetric } from '../scales/isSameScale.js';
import { scales } from '../scales/scales.js';
import type { Interval } from '../stats/Interval.js';
import { npsInterval, type NPSIntervalMethod, NPS_INTERVAL_METHODS } from '../stats/npsInterval.js';
import type { BandShare, MetricResultBase, Share } from './MetricResult.js';
import { checkMetricOptions, type InputOptions, type MetricInput, resolveTally } from './resolveTally.js';
import { bandShares, netCounts, resultBase, scaled, sentimentRange, share, shareStandardError, type Spread, sentimentValue, spreadOf, sumSentiment, type TallyTotals, tallyTotals, VARIANCE_METHODS, type VarianceMethod } from './tallyStatistics.js';
import type { NPSCounts } from '../stats/NPSCounts.js';
import type { Tally } from '../tally/Tally.js';

/** Options for {@link computeNPS} and {@link compareNPS}. */
export interface NPSOptions<T = unknown> extends InputOptions<Scale, T> {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The interval method of the score: `'adjusted-wald'` (default), `'wald'` or `'score'`. See {@link npsInterval}. */
  readonly interval?: NPSIntervalMethod | undefined;
  /**
   * What the shares are shares of: `'answered'` (default) or `'all'`, answered plus skipped, as
   * Formbricks' summary and CustomerGauge's "No Scores" do (a skipped answer then counts like a
   * passive). Never a silent default: the result says which was used.
   */
  readonly denominator?: 'answered' | 'all' | undefined;
  /** With weights: `'linearization'` (default, as R's `survey`) or `'kish'`. See {@link VarianceMethod}. */
  readonly varianceMethod?: VarianceMethod | undefined;
}

/** The option names of NPS itself (besides the input options). */
const LISTED_NPS_OPTION_NAMES = ['level', 'interval', 'denominator', 'varianceMethod'] as const satisfies readonly Exclude<keyof NPSOptions, keyof InputOptions>[];
/** The names, for checking at run time. */
export const NPS_OPTION_NAMES: readonly (Exclude<keyof NPSOptions, keyof InputOptions>)[] = LISTED_NPS_OPTION_NAMES;
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof NPSOptions, keyof InputOptions | (typeof LISTED_NPS_OPTION_NAMES)[number]>;

/** The parts of an NPS result that depend on whether there was anything to score. */
export interface NPSParts<Percent extends number | undefined> {
  /** Always `'nps'`. */
  readonly metric: 'nps';
  /** What the shares are shares of. */
  readonly denominator: 'answered' | 'all';
  /** Answers in the negative bands (0–6 on the 0–10 scale), with their share. */
  readonly detractors: Share<Percent>;
  /** Answers in the neutral bands (7–8). */
  readonly passives: Share<Percent>;
  /** Answers in the positive bands (9–10). */
  readonly promoters: Share<Percent>;
  /** Every band of the scale with its share. */
  readonly bands: readonly BandShare<Percent>[];
}

/** An NPS computed from at least one answer. */
export interface NPSScored<S extends Scale = Scale> extends MetricResultBase<S>, NPSParts<number> {
  /** NPS in points, −100…100: % promoters − % detractors. Exact; round for display only. */
  readonly score: number;
  /** The confidence interval of `score`, in points. */
  readonly ci: Interval<NPSIntervalMethod, 'points'>;
  /**
   * The standard error of `score` in points: 100·√(Var/n) unweighted; with weights, the
   * linearization standard error (R's `survey::svymean` of y = 100, 0, −100), or 100·√(Var/n_eff) with Kish.
   */
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

/** NPS options, checked once: for one call, or for every segment, bucket and window of a table. */
export interface NPSSettings {
  readonly level: number;
  readonly interval: NPSIntervalMethod;
  readonly denominator: 'answered' | 'all';
  readonly varianceMethod: VarianceMethod;
}

/** Checks NPS's own options and that the scale can give an NPS (a metric of its own, positive and negative bands). */
export function npsSettings(functionName: string, options: NPSOptions<never>, scale: Scale): NPSSettings {
  assertScaleMetric(functionName, scale, 'nps');
  sentimentRange(functionName, scale, 'positive', 'scale');
  sentimentRange(functionName, scale, 'negative', 'scale');
  return {
    level: checkLevel(functionName, options.level ?? 0.95),
    interval: checkChoice(functionName, options.interval ?? 'adjusted-wald', NPS_INTERVAL_METHODS, ['options', 'interval']),
    denominator: checkChoice(functionName, options.denominator ?? 'answered', ['answered', 'all'], ['options', 'denominator']),
    varianceMethod: checkChoice(functionName, options.varianceMethod ?? 'linearization', VARIANCE_METHODS, ['options', 'varianceMethod']),
  };
}

/** The totals an NPS divides by: answered, or answered and skipped. */
export function npsTotals(tally: Tally, settings: NPSSettings): TallyTotals {
  return tallyTotals(tally, settings.varianceMethod, settings.denominator === 'all');
}

/** What an NPS's interval and a comparison of two are built from: the shares, the score's spread and its band counts on the effective n. */
export interface NPSEstimate {
  readonly score: number;
  readonly promoterShare: number;
  readonly detractorShare: number;
  readonly spread: Spread;
  readonly counts: NPSCounts;
}

/** The NPS estimate of a tally with some answer weight, or undefined. */
export function npsEstimate(tally: Tally, totals: TallyTotals): NPSEstimate | undefined {
  if (!(totals.weight > 0)) return undefined;
  const promoters = sumSentiment(tally, 'positive');
  const detractors = sumSentiment(tally, 'negative');
  const promoterShare = promoters.weight / totals.weight;
  const detractorShare = detractors.weight / totals.weight;
  // The share first, then the difference: an all-detractor sample is −1 exactly (W/W, not a rounding of it).
  const score = (promoters.weight - detractors.weight) / totals.weight;
  const spread = spreadOf(tally, totals, sentimentValue(tally.scale, 'positive', 'negative'), score);
  return { score, promoterShare, detractorShare, spread, counts: netCounts(promoters, detractors, totals, spread.effectiveN) };
}

/** The NPS of a tally with checked settings; never throws. */
export function scoreNPS<S extends Scale>(tally: Tally<S>, settings: NPSSettings): NPSResult<S> {
  const { level, denominator } = settings;
  const totals = npsTotals(tally, settings);
  const estimate = npsEstimate(tally, totals);
  const shareOf = (sentiment: Sentiment): Share<number> | Share<undefined> =>
    share(sumSentiment(tally, sentiment), (proportion) => spreadOf(tally, totals, sentimentValue(tally.scale, sentiment), proportion), totals, 'wilson', level);
  const parts = {
    metric: 'nps' as const,
    denominator,
    detractors: shareOf('negative'),
    passives: shareOf('neutral'),
    promoters: shareOf('positive'),
    bands: bandShares(tally, totals, 'wilson', level),
    ...resultBase(tally, totals, estimate?.spread),
  };
  if (estimate === undefined) {
    return Object.freeze(withDisplay({ ...parts, score: undefined, ci: undefined, standardError: undefined, variance: undefined }, 'metric')) as NPSEmpty<S>;
  }
  const { promoterShare, detractorShare } = estimate;
  const net = promoterShare - detractorShare;
  return Object.freeze(withDisplay({
    ...parts,
    score: 100 * estimate.score,
    ci: scaled(npsInterval(estimate.counts, { interval: settings.interval, level }), 'points'),
    standardError: 100 * shareStandardError(estimate.spread),
    variance: Math.max(0, promoterShare + detractorShare - net * net),
  }, 'metric')) as NPSScored<S>;
}

/**
 * Net Promoter Score: the percentage of promoters (9–10) minus the percentage of detractors
 * (0–6), in points from −100 to 100, with a confidence interval (adjusted Wald by default,
 * Rocks 2016), its standard error and the share of every band, each with a Wilson interval.
 *
 * Every answer is accounted for in `responses`: skipped answers (null/undefined) are counted
 * and not scored; answers off the scale throw (default) or, with `onInvalid: 'exclude'`, are
 * counted as invalid. An empty sample gives `n: 0` and `score: undefined`, never NaN.
 * With weights, shares are weighted, and standard errors and intervals use the Taylor-linearization
 * variance as R's `survey` computes it (`varianceMethod: 'kish'` for Kish's effective n); the
 * result gives the score's design effect and effective n.
 *
 * @param input - raw answers (array, typed array, iterable), rows with `value` (a field name or an accessor), records, or a {@link Tally}
 * @param options - scale (default `scales.nps`), value, weights, level, interval, denominator, onInvalid
 * @returns the score, interval, shares and accounting
 * @throws {@link CxMetricsError} `invalid_answers`, `invalid_option`, `invalid_weights`, `scale_mismatch`, `source_failed`
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
 *   [result.ci.lower, result.ci.upper, result.ci.unit]; // => [-20.47, 70.47, "points"]
 *   result.promoters.percent; // => 55.555556
 * }
 * computeNPS([]).score; // => undefined
 * ```
 */
export function computeNPS<S extends Scale = Scale, T = unknown>(input: MetricInput<S, T>, options?: NPSOptions<T>): NPSResult<S> {
  return guard('computeNPS', () => {
    const fn = 'computeNPS';
    const checked = checkMetricOptions(fn, options, NPS_OPTION_NAMES);
    const tally = resolveTally(fn, input, checked as InputOptions<S, T>, scales.nps as unknown as S, []);
    return scoreNPS(tally, npsSettings(fn, checked as NPSOptions<never>, tally.scale));
  });
}

import { fail } from '../internal/issue.js';
import type { Scale, Sentiment } from '../scales/defineScale.js';
import type { Interval, IntervalUnit } from '../stats/Interval.js';
import type { NPSCounts } from '../stats/NPSCounts.js';
import { proportionInterval, type ProportionIntervalMethod } from '../stats/proportionInterval.js';
import { studentTQuantile } from '../stats/studentTQuantile.js';
import type { Tally } from '../tally/Tally.js';
import type { BandShare, Mean, MetricResultBase, PointRange, RangeShare, ResponseAccounting, Share } from './MetricResult.js';

// The arithmetic every metric shares, on tallies: sums by range and by band, totals with Kish's
// effective n, shares with their intervals, the mean with its t interval.

/** Sums of one group of points. */
export interface GroupSums {
  readonly count: number;
  readonly weight: number;
}

/** Sums a tally over a range of points. */
export function sumRange(tally: Tally, range: PointRange): GroupSums {
  let count = 0;
  let weight = 0;
  for (let point = range.min; point <= range.max; point++) {
    count += tally.counts[point - tally.scale.min] as number;
    weight += tally.weightSums[point - tally.scale.min] as number;
  }
  return { count, weight };
}

/** Sums a tally over every band of one sentiment. */
export function sumSentiment(tally: Tally, sentiment: Sentiment): GroupSums {
  let count = 0;
  let weight = 0;
  for (const band of tally.scale.bands) {
    if (band.sentiment !== sentiment) continue;
    const sums = sumRange(tally, band);
    count += sums.count;
    weight += sums.weight;
  }
  return { count, weight };
}

/**
 * How the variance of a weighted result is estimated (unweighted results use the classical
 * formulas whatever this says):
 * - `'linearization'` (default): Taylor linearization, as R's `survey::svymean` computes it for
 *   independent observations, v = n/(n − 1)·Σwᵢ²(yᵢ − ȳ)²/(Σw)² (Woodruff 1971; Lumley 2010,
 *   *Complex Surveys*, §2.2). It sees how the weights go with the answers.
 * - `'kish'`: Kish's effective n, (Σw)²/Σw², plugged into the unweighted formulas (Kish 1965):
 *   one design effect for every statistic, blind to how the weights go with the answers.
 */
export type VarianceMethod = 'linearization' | 'kish';

/** The variance methods of weighted results. */
export const VARIANCE_METHODS: readonly VarianceMethod[] = ['linearization', 'kish'];

/** The totals every metric starts from: n, Σw, Σw², Kish n, the variance method and the accounting. */
export interface TallyTotals {
  /** The sample size: answered (and skipped, for NPS's `denominator: 'all'`). */
  readonly count: number;
  readonly weight: number;
  readonly weightSquares: number;
  /** Kish's effective n, (Σw)²/Σw². */
  readonly kishN: number;
  readonly weighted: boolean;
  readonly varianceMethod: VarianceMethod;
  /** Whether skipped answers are in the denominator (as y = 0). */
  readonly includeSkipped: boolean;
  readonly responses: ResponseAccounting;
}

/** Totals of answered responses (optionally with skipped ones, for NPS's `denominator: 'all'`). */
export function tallyTotals(tally: Tally, varianceMethod: VarianceMethod, includeSkipped = false): TallyTotals {
  let weight = includeSkipped ? tally.skippedWeight : 0;
  let weightSquares = includeSkipped ? tally.skippedWeightSquares : 0;
  for (let i = 0; i < tally.counts.length; i++) {
    weight += tally.weightSums[i] as number;
    weightSquares += tally.weightSquareSums[i] as number;
  }
  const count = tally.answered + (includeSkipped ? tally.skipped : 0);
  return {
    count,
    weight,
    weightSquares,
    // (Σw)²/Σw² never exceeds n; summing 10⁸ weights can leave it a rounding error above.
    kishN: weightSquares === 0 ? 0 : Math.min(count, (weight * weight) / weightSquares),
    weighted: tally.weighted,
    varianceMethod,
    includeSkipped,
    responses: { total: tally.total, answered: tally.answered, skipped: tally.skipped, invalid: tally.invalid },
  };
}

/**
 * How precise one statistic of a tally is. Every statistic here is a weighted mean of a number
 * y given to each point (1 or 0 for a share, +1, 0 or −1 for a net score, the point itself for
 * the mean; skipped answers count as 0 when they are in the denominator), so its variance needs
 * only each point's Σw and Σw²: Σwᵢ²(yᵢ − ȳ)² = Σₚ (yₚ − ȳ)²·Σw²ₚ.
 */
export interface Spread {
  /** The spread of y among the answers, Σw(y − ȳ)²/Σw (the population form: p(1 − p) for a share). */
  readonly populationVariance: number;
  /**
   * The design effect of the statistic: its variance over that of an unweighted sample of the
   * same size. Linearization: n·Σw²(y − ȳ)²/(Σw·Σw(y − ȳ)²), `survey`'s `deff = "replace"`;
   * Kish: n/n_eff; unweighted: 1.
   */
  readonly designEffect: number;
  /**
   * The effective sample size of the statistic, n/designEffect capped at n (Korn & Graubard 1998):
   * what the unweighted interval formulas take, so that equal weights give the unweighted interval exactly.
   */
  readonly effectiveN: number;
  /** The linearization variance n/(n − 1)·Σw²(y − ȳ)²/(Σw)², or undefined (unweighted, Kish, n < 2). */
  readonly linearizationVariance: number | undefined;
}

/**
 * The spread of a statistic ȳ = Σw·y/Σw with y given per point by `valueOf`. With linearization,
 * when the answers do not vary (every y equal, so the variance is 0 and says nothing about the
 * weights) or there is a single answer, the design effect falls back to Kish's.
 */
export function spreadOf(tally: Tally, totals: TallyTotals, valueOf: (point: number) => number, estimate: number): Spread {
  let spread = 0;
  let weightedSpread = 0;
  for (let i = 0; i < tally.counts.length; i++) {
    const deviation = valueOf(tally.scale.min + i) - estimate;
    spread += (tally.weightSums[i] as number) * deviation * deviation;
    weightedSpread += (tally.weightSquareSums[i] as number) * deviation * deviation;
  }
  if (totals.includeSkipped) {
    spread += tally.skippedWeight * estimate * estimate;
    weightedSpread += tally.skippedWeightSquares * estimate * estimate;
  }
  const n = totals.count;
  const populationVariance = totals.weight > 0 ? spread / totals.weight : 0;
  if (!totals.weighted) return { populationVariance, designEffect: 1, effectiveN: n, linearizationVariance: undefined };
  const kish = { populationVariance, designEffect: totals.kishN > 0 ? n / totals.kishN : 1, effectiveN: totals.kishN, linearizationVariance: undefined };
  if (totals.varianceMethod === 'kish' || !(n > 1)) return kish;
  const linearizationVariance = ((weightedSpread / totals.weight / totals.weight) * n) / (n - 1);
  if (!(spread > 0 && weightedSpread > 0)) return { ...kish, linearizationVariance };
  // n/deff = Σw·Σw(y − ȳ)²/Σw²(y − ȳ)², the ratio first: equal weights give Σw exactly. Capped at
  // n, as Korn & Graubard (1998) truncate it: a design effect below 1 is real (weights that go
  // against the answers), but an effective n beyond the answers would let one tiny weight on an
  // odd answer shrink an interval to nothing (two answers weighted 1 and 1e-6: n/deff = 500 001).
  const uncapped = totals.weight * (spread / weightedSpread);
  return { populationVariance, designEffect: n / uncapped, effectiveN: Math.min(n, uncapped), linearizationVariance };
}

/** The standard error of a share or net score on its natural scale: linearization's, or √(Var/n_eff). */
export function shareStandardError(spread: Spread): number {
  return Math.sqrt(spread.linearizationVariance ?? spread.populationVariance / spread.effectiveN);
}

/** The spread of a range's share (y = 1 inside the range, 0 outside). */
export function rangeSpread(tally: Tally, range: PointRange, totals: TallyTotals, share: number): Spread {
  return spreadOf(tally, totals, (point) => (point >= range.min && point <= range.max ? 1 : 0), share);
}

/** +1 for a point in a band of sentiment `positive`, −1 in one of `negative`, 0 elsewhere: a net score's y, or (with `negative` undefined) a sentiment's share's. */
export function sentimentValue(scale: Scale, positive: Sentiment, negative?: Sentiment): (point: number) => number {
  return (point) => {
    const band = scale.bands.find((candidate) => point >= candidate.min && point <= candidate.max);
    return band?.sentiment === positive ? 1 : band !== undefined && band.sentiment === negative ? -1 : 0;
  };
}

/**
 * A weight expressed as a count on the scale of a statistic's effective n, weight·n_eff/Σw, so
 * that weighted shares can go through the count-based interval formulas. Unweighted, the factor is exactly 1.
 */
export function effectiveCount(weight: number, totals: TallyTotals, effectiveN: number): number {
  // The share first: a band holding every answer is n_eff exactly (not a rounding below it, which
  // gave an all-detractor sample a Wald interval ending at −99.99999846).
  return Math.min(effectiveN, (weight / totals.weight) * effectiveN);
}

/** A natural-scale interval scaled ×100 into percent or points, keeping its level and method. */
export function scaled<M extends string, U extends IntervalUnit>(interval: Interval<M, IntervalUnit>, unit: U): Interval<M, U> {
  return { lower: interval.lower * 100, upper: interval.upper * 100, level: interval.level, method: interval.method, unit };
}

/** A share with its interval in percent (the interval from the share's own spread); with no total weight, the empty share. */
export function share(sums: GroupSums, spread: (share: number) => Spread, totals: TallyTotals, method: ProportionIntervalMethod, level: number): Share<number> | Share<undefined> {
  if (!(totals.weight > 0)) return { count: sums.count, weight: sums.weight, percent: undefined, ci: undefined };
  const proportion = sums.weight / totals.weight;
  const { effectiveN } = spread(proportion);
  return {
    count: sums.count,
    weight: sums.weight,
    percent: 100 * proportion,
    ci: scaled(proportionInterval(effectiveCount(sums.weight, totals, effectiveN), effectiveN, { interval: method, level }), 'percent'),
  };
}

/** A range with its share. */
export function rangeShare(tally: Tally, range: PointRange, totals: TallyTotals, method: ProportionIntervalMethod, level: number): RangeShare<number> | RangeShare<undefined> {
  const spread = (proportion: number): Spread => rangeSpread(tally, range, totals, proportion);
  return { min: range.min, max: range.max, ...share(sumRange(tally, range), spread, totals, method, level) } as RangeShare<number> | RangeShare<undefined>;
}

/** Every band of the scale with its share. */
export function bandShares(tally: Tally, totals: TallyTotals, method: ProportionIntervalMethod, level: number): readonly (BandShare<number> | BandShare<undefined>)[] {
  return tally.scale.bands.map((band) => ({ name: band.name, sentiment: band.sentiment, ...rangeShare(tally, band, totals, method, level) }) as BandShare<number> | BandShare<undefined>);
}

/** The (weighted) mean answer of a non-empty tally, Σw·x/Σw: the CES score. */
export function meanValue(tally: Tally, totals: TallyTotals): number {
  let sum = 0;
  for (let i = 0; i < tally.counts.length; i++) sum += (tally.scale.min + i) * (tally.weightSums[i] as number);
  return sum / totals.weight;
}

/** The mean of a non-empty tally with its spread and t interval (the CES score, the CSAT mean), and the mean's own spread. */
export function meanOf(tally: Tally, totals: TallyTotals, level: number): { mean: Mean; spread: Spread } {
  const scale: Scale = tally.scale;
  const value = meanValue(tally, totals);
  const spread = spreadOf(tally, totals, (point) => point, value);
  const n = spread.effectiveN;
  if (!(n > 1)) return { spread, mean: { value, sd: undefined, standardError: undefined, ci: { lower: scale.min, upper: scale.max, level, method: 'scale-range', unit: 'scale' } } };
  // The standard deviation with the n/(n − 1) correction: over the answers with linearization
  // (survey's svyvar), over Kish's effective n with 'kish' (and so over n unweighted).
  const size = spread.linearizationVariance === undefined ? n : totals.count;
  const sd = Math.sqrt((spread.populationVariance * size) / (size - 1));
  // Linearization's variance, n/(n − 1)·Σw²(y − ȳ)²/(Σw)², is s²/n unweighted; Kish's is s²/n_eff.
  const standardError = Math.sqrt(spread.linearizationVariance ?? (sd * sd) / n);
  // Below about one effective answer plus a sliver (one weight 1e16 times the others), the t
  // quantile is beyond the largest double: no interval narrower than the scale, as for n = 1.
  const quantile = studentTQuantile((1 + level) / 2, n - 1);
  if (!Number.isFinite(quantile)) return { spread, mean: { value, sd, standardError, ci: { lower: scale.min, upper: scale.max, level, method: 'scale-range', unit: 'scale' } } };
  const half = quantile * standardError;
  return { spread, mean: { value, sd, standardError, ci: { lower: Math.max(scale.min, value - half), upper: Math.min(scale.max, value + half), level, method: 't', unit: 'scale' } } };
}

/** Checks a range option: integers on the scale, min ≤ max. */
export function checkRange(functionName: string, range: unknown, scale: Scale, name: string): PointRange {
  const { min, max } = (typeof range === 'object' && range !== null ? range : {}) as Record<string, unknown>;
  const ok = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= scale.min && (value as number) <= scale.max;
  if (!ok(min) || !ok(max) || min > max) {
    fail(functionName, 'invalid_option', 'out_of_range', `a range { min, max } of points from ${scale.min} to ${scale.max} with min ≤ max`, range, ['options', name]);
  }
  return { min, max };
}

/** The range covered by the bands of one sentiment, when they are contiguous (they are on every preset). */
export function sentimentRange(functionName: string, scale: Scale, sentiment: Sentiment, optionName: string): PointRange {
  const bands = scale.bands.filter((band) => band.sentiment === sentiment);
  const min = Math.min(...bands.map((band) => band.min));
  const max = Math.max(...bands.map((band) => band.max));
  const covered = bands.reduce((total, band) => total + band.max - band.min + 1, 0);
  if (bands.length === 0 || covered !== max - min + 1) {
    fail(functionName, 'invalid_option', 'invalid_value', `a scale with ${sentiment} bands, or an explicit options.${optionName} range`, `scale '${scale.id}'`, ['options', optionName]);
  }
  return { min, max };
}

/** What every result shares: the scale, sizes, accounting, examples and the tally; the effective n and design effect are the score's. */
export function resultBase<S extends Scale>(tally: Tally<S>, totals: TallyTotals, spread: Spread | undefined): MetricResultBase<S> {
  return {
    scale: tally.scale,
    n: totals.count,
    effectiveN: spread?.effectiveN ?? 0,
    designEffect: spread?.designEffect,
    weighted: tally.weighted,
    varianceMethod: tally.weighted ? totals.varianceMethod : 'unweighted',
    responses: totals.responses,
    invalidAnswers: tally.invalidAnswers,
    tally,
  };
}

/** Positive, negative and other answers as counts on the net score's effective n, for its interval (NPS, net easy). */
export function netCounts(positive: GroupSums, negative: GroupSums, totals: TallyTotals, effectiveN: number): NPSCounts {
  const promoters = effectiveCount(positive.weight, totals, effectiveN);
  const detractors = effectiveCount(negative.weight, totals, effectiveN);
  return { promoters, detractors, passives: Math.max(0, effectiveN - promoters - detractors) };
}

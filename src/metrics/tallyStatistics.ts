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

/** The totals every metric starts from: Σw, Σw², Kish n, and the accounting. */
export interface TallyTotals {
  readonly weight: number;
  readonly weightSquares: number;
  readonly effectiveN: number;
  readonly responses: ResponseAccounting;
}

/** Totals of answered responses (optionally with skipped ones, for NPS's `denominator: 'all'`). */
export function tallyTotals(tally: Tally, includeSkipped = false): TallyTotals {
  let weight = includeSkipped ? tally.skippedWeight : 0;
  let weightSquares = includeSkipped ? tally.skippedWeightSquares : 0;
  for (let i = 0; i < tally.counts.length; i++) {
    weight += tally.weightSums[i] as number;
    weightSquares += tally.weightSquareSums[i] as number;
  }
  const count = tally.answered + (includeSkipped ? tally.skipped : 0);
  return {
    weight,
    weightSquares,
    // (Σw)²/Σw² never exceeds n; summing 10⁸ weights can leave it a rounding error above.
    effectiveN: weightSquares === 0 ? 0 : Math.min(count, (weight * weight) / weightSquares),
    responses: { total: tally.total, answered: tally.answered, skipped: tally.skipped, invalid: tally.invalid },
  };
}

/**
 * A weight expressed as a count on the Kish scale, weight·n_eff/Σw, so that weighted shares can
 * go through the count-based interval formulas. Unweighted, the factor is exactly 1.
 */
export function kishCount(weight: number, totals: TallyTotals): number {
  // The share first: a band holding every answer is n_eff exactly (not a rounding below it, which
  // gave an all-detractor sample a Wald interval ending at −99.99999846).
  return Math.min(totals.effectiveN, (weight / totals.weight) * totals.effectiveN);
}

/** A natural-scale interval scaled ×100 into percent or points, keeping its level and method. */
export function scaled<M extends string, U extends IntervalUnit>(interval: Interval<M, IntervalUnit>, unit: U): Interval<M, U> {
  return { lower: interval.lower * 100, upper: interval.upper * 100, level: interval.level, method: interval.method, unit };
}

/** A share with its interval in percent; with no total weight, the empty share. */
export function share(sums: GroupSums, totals: TallyTotals, method: ProportionIntervalMethod, level: number): Share<number> | Share<undefined> {
  if (!(totals.weight > 0)) return { count: sums.count, weight: sums.weight, percent: undefined, ci: undefined };
  return {
    count: sums.count,
    weight: sums.weight,
    percent: 100 * (sums.weight / totals.weight),
    ci: scaled(proportionInterval(kishCount(sums.weight, totals), totals.effectiveN, { interval: method, level }), 'percent'),
  };
}

/** A range with its share. */
export function rangeShare(tally: Tally, range: PointRange, totals: TallyTotals, method: ProportionIntervalMethod, level: number): RangeShare<number> | RangeShare<undefined> {
  return { min: range.min, max: range.max, ...share(sumRange(tally, range), totals, method, level) } as RangeShare<number> | RangeShare<undefined>;
}

/** Every band of the scale with its share. */
export function bandShares(tally: Tally, totals: TallyTotals, method: ProportionIntervalMethod, level: number): readonly (BandShare<number> | BandShare<undefined>)[] {
  return tally.scale.bands.map((band) => ({ name: band.name, sentiment: band.sentiment, min: band.min, max: band.max, ...share(sumRange(tally, band), totals, method, level) }) as BandShare<number> | BandShare<undefined>);
}

/** The mean of a non-empty tally with its spread and t interval: the CES score, the CSAT mean. */
export function meanOf(tally: Tally, totals: TallyTotals, level: number): Mean {
  const scale: Scale = tally.scale;
  let sum = 0;
  for (let i = 0; i < tally.counts.length; i++) sum += (scale.min + i) * (tally.weightSums[i] as number);
  const value = sum / totals.weight;
  let squares = 0;
  for (let i = 0; i < tally.counts.length; i++) {
    const deviation = scale.min + i - value;
    squares += (tally.weightSums[i] as number) * deviation * deviation;
  }
  const n = totals.effectiveN;
  if (!(n > 1)) return { value, sd: undefined, standardError: undefined, ci: { lower: scale.min, upper: scale.max, level, method: 'scale-range', unit: 'scale' } };
  // s² = m₂·n_eff/(n_eff − 1): the unbiased variance with the effective n.
  const sd = Math.sqrt(((squares / totals.weight) * n) / (n - 1));
  const standardError = sd / Math.sqrt(n);
  const half = studentTQuantile((1 + level) / 2, n - 1) * standardError;
  return { value, sd, standardError, ci: { lower: Math.max(scale.min, value - half), upper: Math.min(scale.max, value + half), level, method: 't', unit: 'scale' } };
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

/** What every result shares: the scale, sizes, accounting, examples and the tally. */
export function resultBase<S extends Scale>(tally: Tally<S>, totals: TallyTotals, n: number = tally.answered): MetricResultBase<S> {
  return { scale: tally.scale, n, effectiveN: totals.effectiveN, weighted: tally.weighted, responses: totals.responses, invalidAnswers: tally.invalidAnswers, tally };
}

/** Positive, negative and other answers as Kish counts, for a net score's interval (NPS, net easy). */
export function netCounts(positive: GroupSums, negative: GroupSums, totals: TallyTotals): NPSCounts {
  const promoters = kishCount(positive.weight, totals);
  const detractors = kishCount(negative.weight, totals);
  return { promoters, detractors, passives: Math.max(0, totals.effectiveN - promoters - detractors) };
}

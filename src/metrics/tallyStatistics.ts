import { fail } from '../internal/issue.js';
import type { Scale, Sentiment } from '../scales/defineScale.js';
import type { Tally } from '../tally/Tally.js';
import type { NPSCounts } from '../stats/NPSCounts.js';
import type { BandBreakdown, BandCount, ConfidenceInterval, MetricResultBase, ResponseAccounting } from './MetricResult.js';

/** An inclusive range of points, as metric options such as `satisfied` or `easy` take it. */
export interface PointRange {
  /** The lowest point (inclusive). */
  readonly min: number;
  /** The highest point (inclusive). */
  readonly max: number;
}

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
  return {
    weight,
    weightSquares,
    effectiveN: weightSquares === 0 ? 0 : (weight * weight) / weightSquares,
    responses: { total: tally.total, answered: tally.answered, skipped: tally.skipped, invalid: tally.invalid },
  };
}

/** A band count with its percent of a total weight. */
export function bandCount(sums: GroupSums, totalWeight: number): BandCount {
  return { count: sums.count, weight: sums.weight, percent: totalWeight > 0 ? (100 * sums.weight) / totalWeight : undefined };
}

/** Every band of the scale with its answers. */
export function bandBreakdown(tally: Tally, totalWeight: number): readonly BandBreakdown[] {
  return tally.scale.bands.map((band) => ({ name: band.name, sentiment: band.sentiment, min: band.min, max: band.max, ...bandCount(sumRange(tally, band), totalWeight) }));
}

/** The weighted mean of the points and the variance estimate s² = m₂·n_eff/(n_eff − 1). */
export function meanAndVariance(tally: Tally, totals: TallyTotals): { mean: number; variance: number | undefined } {
  let sum = 0;
  for (let i = 0; i < tally.counts.length; i++) sum += (tally.scale.min + i) * (tally.weightSums[i] as number);
  const mean = sum / totals.weight;
  let squares = 0;
  for (let i = 0; i < tally.counts.length; i++) {
    const deviation = tally.scale.min + i - mean;
    squares += (tally.weightSums[i] as number) * deviation * deviation;
  }
  const n = totals.effectiveN;
  return { mean, variance: n > 1 ? ((squares / totals.weight) * n) / (n - 1) : undefined };
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

/** A natural-scale interval scaled to percent or points, with its level and method. */
export function scaledInterval<M extends string>(interval: { lower: number; upper: number }, factor: number, level: number, method: M): ConfidenceInterval<M> {
  return { lower: interval.lower * factor, upper: interval.upper * factor, level, method };
}

/** What every result shares: the scale, sizes, accounting, examples, the tally and its bands. */
export function resultBase<S extends Scale>(tally: Tally<S>, totals: TallyTotals, n: number = tally.answered): MetricResultBase<S> & { readonly bands: readonly BandBreakdown[] } {
  return {
    scale: tally.scale,
    n,
    effectiveN: totals.effectiveN,
    weighted: tally.weighted,
    responses: totals.responses,
    invalidAnswers: tally.invalidAnswers,
    tally,
    bands: bandBreakdown(tally, totals.weight),
  };
}

/**
 * A weight expressed as a count on the Kish scale, weight·n_eff/Σw, so that weighted shares can
 * go through the count-based interval formulas. Unweighted, the factor is exactly 1.
 */
export function kishCount(weight: number, totals: TallyTotals): number {
  return Math.min(totals.effectiveN, weight * (totals.effectiveN / totals.weight));
}

/** Positive, negative and other answers as Kish counts, for a net score's interval (NPS, net easy). */
export function netCounts(positive: GroupSums, negative: GroupSums, totals: TallyTotals): NPSCounts {
  const promoters = kishCount(positive.weight, totals);
  const detractors = kishCount(negative.weight, totals);
  return { promoters, detractors, passives: Math.max(0, totals.effectiveN - promoters - detractors) };
}

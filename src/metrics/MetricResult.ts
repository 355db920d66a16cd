import type { Scale, Sentiment } from '../scales/defineScale.js';
import type { Interval } from '../stats/Interval.js';
import type { ProportionIntervalMethod } from '../stats/proportionInterval.js';
import type { InvalidAnswer, Tally } from '../tally/Tally.js';
import type { VarianceMethod } from './tallyStatistics.js';

/** Where every input answer went. `answered + skipped + invalid === total`, always. */
export interface ResponseAccounting {
  /** Every input answer. */
  readonly total: number;
  /** Answers on the scale, scored. */
  readonly answered: number;
  /** Skipped answers (null or undefined): counted, not scored (unless NPS's `denominator: 'all'`). */
  readonly skipped: number;
  /** Refused answers (only with `onInvalid: 'exclude'`; with `'throw'` they raise an error). */
  readonly invalid: number;
}

/** An inclusive range of points, as metric options such as `satisfied` or `easy` take it. */
export interface PointRange {
  /** The lowest point (inclusive). */
  readonly min: number;
  /** The highest point (inclusive). */
  readonly max: number;
}

/**
 * The one shape of a share, wherever one appears (NPS promoters, a band, CSAT satisfied, CES
 * easy): how many answers, their weight, their share in percent and its interval in percent.
 * For an empty sample (`Percent` undefined) there is no share and no interval.
 */
export interface Share<Percent extends number | undefined = number> {
  /** The number of answers (unweighted). */
  readonly count: number;
  /** Their total weight (equal to `count` when unweighted). */
  readonly weight: number;
  /** Their share of the denominator in percent (weighted when weights were given). */
  readonly percent: Percent;
  /** The interval of `percent` (unit `'percent'`): Wilson by default, or the metric's proportion method. */
  readonly ci: Percent extends number ? Interval<ProportionIntervalMethod, 'percent'> : undefined;
}

/** One band of the scale, with its share. */
export interface BandShare<Percent extends number | undefined = number> extends Share<Percent> {
  /** The band's name. */
  readonly name: string;
  /** How the band reads. */
  readonly sentiment: Sentiment;
  /** The band's lowest point. */
  readonly min: number;
  /** The band's highest point. */
  readonly max: number;
}

/** A range of points with its share: CSAT's satisfied range, CES's easy and difficult ranges. */
export interface RangeShare<Percent extends number | undefined = number> extends Share<Percent>, PointRange {}

/** The one shape of a mean (the CES score, the CSAT mean): its value, spread and t interval. */
export interface Mean {
  /** The (weighted) mean on the scale's own numbers. */
  readonly value: number;
  /** The sample standard deviation; undefined with fewer than two (effective) answers. */
  readonly sd: number | undefined;
  /** sd/√n_eff; undefined with fewer than two (effective) answers. */
  readonly standardError: number | undefined;
  /**
   * The Student t interval x̄ ± t(n_eff − 1)·s/√n_eff, clipped to the scale (unit `'scale'`). With
   * fewer than two (effective) answers there is no spread to estimate, and the interval is the
   * whole scale (`method: 'scale-range'`): all that is known is that the mean lies on the scale.
   */
  readonly ci: Interval<'t' | 'scale-range', 'scale'>;
}

/** What every metric result has, scored or empty. */
export interface MetricResultBase<S extends Scale = Scale> {
  /** The scale the answers are on. */
  readonly scale: S;
  /** The sample size the score is computed from (answered responses; for NPS with `denominator: 'all'`, answered + skipped). */
  readonly n: number;
  /**
   * The effective sample size of the score, n/designEffect capped at n: equal to `n` when
   * unweighted; with weights, the size of an unweighted sample as precise as this one (never more
   * than the answers: Korn & Graubard 1998). The score's interval takes it in the unweighted
   * formula. 0 for an empty sample.
   */
  readonly effectiveN: number;
  /**
   * The design effect of the score: its variance over that of an unweighted sample of the same
   * size. 1 unweighted; with linearization, `survey`'s `deff = "replace"`; with Kish, n/(Kish n).
   * Undefined for an empty sample.
   */
  readonly designEffect: number | undefined;
  /** Whether weights were given. */
  readonly weighted: boolean;
  /** How the variance was estimated: `'unweighted'`, or for weighted results the `varianceMethod` option's choice. */
  readonly varianceMethod: 'unweighted' | VarianceMethod;
  /** Where every input answer went. */
  readonly responses: ResponseAccounting;
  /** Examples of refused answers (bounded; see `responses.invalid` for the count). */
  readonly invalidAnswers: readonly InvalidAnswer[];
  /** The tally the result was computed from: keep it to merge with later answers. */
  readonly tally: Tally<S>;
}

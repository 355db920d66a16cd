import type { Scale } from '../scales/defineScale.js';
import type { Sentiment } from '../scales/defineScale.js';
import type { InvalidAnswer, Tally } from '../tally/Tally.js';

/** An interval in the metric's own units, with how it was made. */
export interface ConfidenceInterval<Method extends string = string> {
  /** The lower limit. */
  readonly lower: number;
  /** The upper limit. */
  readonly upper: number;
  /** The confidence level, such as 0.95. */
  readonly level: number;
  /** The method, such as `'adjusted-wald'`, `'wilson'` or `'t'`. */
  readonly method: Method;
}

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

/** How many answers fell in one group of points, and their share. */
export interface BandCount<Percent extends number | undefined = number | undefined> {
  /** The number of answers (unweighted). */
  readonly count: number;
  /** Their total weight (equal to `count` when unweighted). */
  readonly weight: number;
  /** Their share of the denominator in percent (weighted when weights were given); undefined for an empty sample. */
  readonly percent: Percent;
}

/** One band of the scale, with its answers. */
export interface BandBreakdown<Percent extends number | undefined = number | undefined> extends BandCount<Percent> {
  /** The band's name. */
  readonly name: string;
  /** How the band reads. */
  readonly sentiment: Sentiment;
  /** The band's lowest point. */
  readonly min: number;
  /** The band's highest point. */
  readonly max: number;
}

/** A share in percent with its interval, such as % easy. */
export interface ShareWithInterval extends BandCount<number> {
  /** The lowest point counted. */
  readonly min: number;
  /** The highest point counted. */
  readonly max: number;
  /** The interval of `percent`, in percent. */
  readonly ci: ConfidenceInterval;
}

/** What every metric result has, scored or empty. */
export interface MetricResultBase<S extends Scale = Scale> {
  /** The scale the answers are on. */
  readonly scale: S;
  /** The sample size the score is computed from (answered responses; for NPS with `denominator: 'all'`, answered + skipped). */
  readonly n: number;
  /** Kish's effective sample size, (Σw)²/Σw²; equal to `n` when unweighted. Intervals use it. */
  readonly effectiveN: number;
  /** Whether weights were given. */
  readonly weighted: boolean;
  /** Where every input answer went. */
  readonly responses: ResponseAccounting;
  /** Examples of refused answers (bounded; see `responses.invalid` for the count). */
  readonly invalidAnswers: readonly InvalidAnswer[];
  /** The tally the result was computed from: keep it to merge with later answers. */
  readonly tally: Tally<S>;
}

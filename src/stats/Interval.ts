/** A two-sided interval on the natural scale of its statistic. */
export interface Interval {
  /** The lower limit. */
  readonly lower: number;
  /** The upper limit. */
  readonly upper: number;
}

/** The confidence level of an interval: give `level` (default 0.95) or, to match a printed table, `z`. */
export interface IntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
  /** The two-sided normal critical value to use instead of `level` (e.g. 1.96 to match a textbook). */
  readonly z?: number | undefined;
}

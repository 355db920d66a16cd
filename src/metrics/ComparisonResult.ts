import type { IntervalUnit, Interval } from '../stats/Interval.js';
import type { ComparisonTest } from '../stats/TestResult.js';

/** A comparison of two groups, a − b, in the metric's units (NPS points, CSAT percentage points, CES scale units). */
export interface ComparisonScored<Result, Unit extends IntervalUnit = IntervalUnit> {
  /** Group a's result. */
  readonly a: Result;
  /** Group b's result. */
  readonly b: Result;
  /** The signed difference a − b (never |a − b|). */
  readonly difference: number;
  /** The interval of the difference, in the metric's units (`unit`); its `method` is the test. */
  readonly ci: Interval<ComparisonTest, Unit>;
  /** The standard error behind the statistic, in the metric's units. */
  readonly standardError: number;
  /** The z or t statistic, signed like the difference. */
  readonly statistic: number;
  /** The two-sided p-value of "no difference". */
  readonly pValue: number;
  /** Welch–Satterthwaite degrees of freedom, for `welch-t`. */
  readonly df: number | undefined;
  /** The test used. */
  readonly test: ComparisonTest;
}

/** A comparison where a group has nothing to compare (no answers, or for means fewer than two). */
export interface ComparisonEmpty<Result> {
  /** Group a's result. */
  readonly a: Result;
  /** Group b's result. */
  readonly b: Result;
  /** No difference without both groups. */
  readonly difference: undefined;
  /** No interval. */
  readonly ci: undefined;
  /** No standard error. */
  readonly standardError: undefined;
  /** No statistic. */
  readonly statistic: undefined;
  /** No p-value. */
  readonly pValue: undefined;
  /** No degrees of freedom. */
  readonly df: undefined;
  /** The test that would have been used. */
  readonly test: ComparisonTest;
}

/** The result of `compareNPS`, `compareCSAT` or `compareCES`: check `difference !== undefined` first. */
export type Comparison<Result, Unit extends IntervalUnit = IntervalUnit> = ComparisonScored<Result, Unit> | ComparisonEmpty<Result>;

import { normalCDF } from './normalCDF.js';
import type { Interval, IntervalUnit } from './Interval.js';

/** The test behind a comparison of two groups: NPS, proportions, means. */
export type ComparisonTest = 'mover' | 'adjusted-wald-z' | 'newcombe-score' | 'welch-t';

/** The outcome of a two-sample comparison: the signed difference a − b, its interval and its test. */
export interface DifferenceTest<Test extends ComparisonTest = ComparisonTest, Unit extends IntervalUnit = IntervalUnit> {
  /** The signed difference a − b (never |a − b|). */
  readonly difference: number;
  /** The confidence interval of the difference (its `method` is the test). */
  readonly ci: Interval<Test, Unit>;
  /** The standard error the test statistic divides by. */
  readonly standardError: number;
  /** The test statistic (z or t), signed like the difference. */
  readonly statistic: number;
  /** The two-sided p-value of "no difference". */
  readonly pValue: number;
  /** Degrees of freedom, for t tests. */
  readonly df?: number | undefined;
}

/** Two-sided p-value of a standard normal statistic: 2·Φ(−|z|), at most 1. */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z)) return 1;
  return Math.min(1, 2 * normalCDF(-Math.abs(z)));
}

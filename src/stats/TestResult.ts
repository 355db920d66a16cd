import { normalCDF } from './normalCDF.js';
import type { Interval } from './Interval.js';

/** The outcome of a two-sample comparison on the natural scale: the signed difference a − b, its interval and its test. */
export interface DifferenceTest {
  /** The signed difference a − b (never |a − b|). */
  readonly difference: number;
  /** The confidence interval of the difference. */
  readonly ci: Interval;
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

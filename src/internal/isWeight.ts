/**
 * The range of accepted weights besides 0. Survey weights are ratios near 1; the bounds keep Σw,
 * Σw² and (Σw)² finite and non-zero for any number of answers (2^53 answers of weight 10^100
 * still give a finite Σw², and a weight of 10^−100 a square that does not underflow to 0), so the
 * Kish effective n can never become ∞/∞ or 0/0.
 */
export const MIN_WEIGHT: number = 1e-100;
/** The largest weight accepted. */
export const MAX_WEIGHT: number = 1e100;

/** The words every weight error uses. */
export const WEIGHT_EXPECTED: string = 'a weight of 0, or from 1e-100 to 1e+100';

/** Why a value is not an acceptable weight, in the issue codes every weight error uses. */
export function weightIssueCode(value: unknown): 'missing' | 'not_a_number' | 'not_finite' | 'out_of_range' {
  if (value === undefined) return 'missing';
  if (typeof value !== 'number') return 'not_a_number';
  return Number.isFinite(value) ? 'out_of_range' : 'not_finite';
}

/** Whether a value is an acceptable weight: 0, or a number from MIN_WEIGHT to MAX_WEIGHT (so not NaN). */
export function isWeight(value: unknown): value is number {
  return value === 0 || (typeof value === 'number' && value >= MIN_WEIGHT && value <= MAX_WEIGHT);
}

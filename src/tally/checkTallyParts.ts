import type { CxMetricsIssue } from '../errors/CxMetricsError.js';
import { makeIssue, type Path } from '../internal/issue.js';
import { MAX_WEIGHT, MIN_WEIGHT } from '../internal/isWeight.js';

/**
 * Relative slack for sums that rounding leaves a hair outside their bounds: a sum of n terms is
 * off by up to about n·2⁻⁵³ of itself, so the slack grows with n (10⁸ equal weights drift by 10⁻⁸).
 */
const slack = (count: number): number => 1e-9 + 4 * count * Number.EPSILON;

const COUNT_TEXT = /^(0|[1-9][0-9]*)$/;
const DECIMAL_TEXT = /^(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/**
 * A count from outside: a number, a bigint (as database drivers return `count(*)`), or a
 * canonical decimal string ("12", not "012", "12.0" or " 12"); a whole number from 0 to 2⁵³ − 1.
 */
export function readCount(functionName: string, value: unknown, path: Path, issues: CxMetricsIssue[]): number {
  const expected = 'a count: a whole number of at least 0 (a number, a bigint, or a string such as "12")';
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'bigint') number = value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
  else if (typeof value === 'string' && value.length <= 16 && COUNT_TEXT.test(value)) number = Number(value);
  if (number !== undefined && Number.isSafeInteger(number) && number >= 0) return number === 0 ? 0 : number;
  const code = typeof value === 'number' ? (Number.isFinite(value) ? (Number.isInteger(value) ? 'out_of_range' : 'not_an_integer') : 'not_finite') : 'invalid_value';
  issues.push(makeIssue(functionName, code, expected, value, path));
  return 0;
}

/**
 * A weight sum (Σw or Σw²) from outside: a finite number of at least 0, a bigint, or a canonical
 * decimal string ("10.5", "1.5e-7"), as drivers return `sum(...)` of numeric columns.
 */
export function readWeightSum(functionName: string, value: unknown, path: Path, issues: CxMetricsIssue[]): number {
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'bigint') number = value >= 0n ? Number(value) : undefined;
  else if (typeof value === 'string' && value.length <= 40 && DECIMAL_TEXT.test(value)) number = Number(value);
  if (number !== undefined && Number.isFinite(number) && number >= 0) return number === 0 ? 0 : number;
  issues.push(makeIssue(functionName, typeof value === 'number' && !Number.isFinite(value) ? 'not_finite' : 'invalid_value', 'a weight sum: a finite number of at least 0 (or a decimal string such as "10.5")', value, path));
  return 0;
}

/**
 * The invariants that tie a count to its weighted sums, for answers whose weights are 0 or from
 * 10⁻¹⁰⁰ to 10¹⁰⁰: no weight without answers; Σw ≤ n·10¹⁰⁰; Σw² ≤ (Σw)² (no weight is negative);
 * (Σw)² ≤ n·Σw² (Cauchy–Schwarz, so the effective n is at most n). Rounding is allowed a relative 10⁻⁹.
 */
export function checkWeightedCount(functionName: string, count: number, weight: number, squares: number, path: Path, issues: CxMetricsIssue[]): void {
  const problem = (expected: string, received: string): void => {
    issues.push(makeIssue(functionName, 'mismatch', expected, received, path));
  };
  if (count === 0) {
    if (weight !== 0 || squares !== 0) problem('no weight where there are no answers (count 0)', `Σw ${weight}, Σw² ${squares}`);
    return;
  }
  const tolerance = 1 + slack(count);
  if (weight > count * MAX_WEIGHT * tolerance) problem(`Σw of at most ${count} × 1e100`, `Σw ${weight}`);
  // Every weight is 0 or at least 1e-100, so a positive Σw is at least that, and its Σw² at least its square.
  if (weight > 0 && (weight < MIN_WEIGHT / tolerance || squares < (MIN_WEIGHT * MIN_WEIGHT) / tolerance)) problem('weight sums of answers whose weights are 0 or at least 1e-100', `Σw ${weight}, Σw² ${squares}`);
  if (weight === 0 && squares !== 0) {
    problem('Σw² of 0 when Σw is 0', `Σw² ${squares}`);
    return;
  }
  if (squares > weight * weight * tolerance) problem(`Σw² of at most (Σw)² = ${weight * weight}, since no weight is negative`, `Σw² ${squares}`);
  if (weight * weight > count * squares * tolerance) {
    problem(`Σw² of at least (Σw)²/n = ${(weight * weight) / count} (the effective n cannot exceed the ${count} answers)`, `Σw² ${squares}`);
  }
}

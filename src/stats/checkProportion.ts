import { checkNumber } from '../internal/options.js';

/** Checks a proportion's inputs: n > 0 and 0 ≤ successes ≤ n (both may be fractional, as weighted counts are). */
export function checkProportion(functionName: string, successes: number, n: number): void {
  checkNumber(functionName, n, ['n'], { min: 0, exclusiveMin: true, describe: 'a sample size greater than 0' });
  checkNumber(functionName, successes, ['successes'], { min: 0, max: n, describe: `a count of successes from 0 to n (${n})` });
}

/** Keeps a limit inside [0, 1] against rounding. */
export function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

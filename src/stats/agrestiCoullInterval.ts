import { guard } from '../internal/guard.js';
import { checkProportion, clampUnit } from './checkProportion.js';
import { criticalValue } from './criticalValue.js';
import type { Interval, IntervalOptions } from './Interval.js';

/**
 * The Agresti–Coull interval (Agresti & Coull 1998) for a proportion, in its general form:
 * add z²/2 successes and z²/2 failures, then use the Wald formula
 * ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z·√(p̃(1 − p̃)/ñ), clipped to [0, 1].
 * (The "plus four" rule is this form rounded for 95 %.) Simple and conservative; Wilson is the default.
 *
 * @param successes - the count in the band, 0 ≤ successes ≤ n
 * @param n - the sample size, > 0
 * @param options - `level` (default 0.95) or `z`
 * @returns the interval on 0…1 (unit `'proportion'`)
 * @throws {@link CxMetricsError} `invalid_argument` or `invalid_option`
 *
 * @example
 * ```ts
 * import { agrestiCoullInterval } from 'cx-metrics';
 *
 * // Tullis & Albert, Measuring the User Experience, p. 69: 4 of 5 users succeed
 * // (the book prints 0.9796, having rounded its intermediate values)
 * const interval = agrestiCoullInterval(4, 5, { z: 1.96 });
 * [interval.lower, interval.upper]; // => [0.3596, 0.9797]
 * interval.level; // => 0.95
 * ```
 */
export function agrestiCoullInterval(successes: number, n: number, options?: IntervalOptions): Interval<'agresti-coull', 'proportion'> {
  return guard('agrestiCoullInterval', () => {
    checkProportion('agrestiCoullInterval', successes, n);
    const { z, level } = criticalValue('agrestiCoullInterval', options);
    const adjustedN = n + z * z;
    const p = (successes + (z * z) / 2) / adjustedN;
    const half = z * Math.sqrt((p * (1 - p)) / adjustedN);
    return { lower: clampUnit(p - half), upper: clampUnit(p + half), level, method: 'agresti-coull', unit: 'proportion' };
  });
}

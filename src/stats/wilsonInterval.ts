import { guard } from '../internal/guard.js';
import { checkProportion, clampUnit } from './checkProportion.js';
import { criticalValue } from './criticalValue.js';
import type { Interval, IntervalOptions } from './Interval.js';

/**
 * The Wilson score interval for a proportion (Wilson 1927): the default for CSAT and CES shares,
 * recommended by Newcombe (1998a, method 3) because it keeps close to its nominal coverage even
 * for small n and shares near 0 or 1, where the plain Wald interval collapses.
 *
 * centre = (x + z²/2) / (n + z²), half-width = z·√(x(n − x)/n + z²/4) / (n + z²)
 *
 * Successes and n may be fractional (weighted counts on an effective n).
 *
 * @param successes - the count in the band, 0 ≤ successes ≤ n
 * @param n - the sample size, > 0
 * @param options - `level` (default 0.95) or `z`
 * @returns the interval on 0…1 (unit `'proportion'`)
 * @throws {@link CxMetricsError} `invalid_argument` or `invalid_option`
 *
 * @example
 * ```ts
 * import { wilsonInterval } from 'cx-metrics';
 *
 * wilsonInterval(81, 263); // => { lower: 0.2553, upper: 0.3662, level: 0.95, method: "wilson", unit: "proportion" }
 * ```
 */
export function wilsonInterval(successes: number, n: number, options?: IntervalOptions): Interval<'wilson', 'proportion'> {
  return guard('wilsonInterval', () => {
    checkProportion('wilsonInterval', successes, n);
    const { z, level } = criticalValue('wilsonInterval', options);
    const z2 = z * z;
    const centre = (successes + z2 / 2) / (n + z2);
    const half = (z * Math.sqrt((successes * (n - successes)) / n + z2 / 4)) / (n + z2);
    return { lower: successes === 0 ? 0 : clampUnit(centre - half), upper: successes === n ? 1 : clampUnit(centre + half), level, method: 'wilson', unit: 'proportion' };
  });
}

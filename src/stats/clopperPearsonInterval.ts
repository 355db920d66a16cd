import { guard } from '../internal/guard.js';
import { betaQuantile } from './betaQuantile.js';
import { checkProportion } from './checkProportion.js';
import { criticalValue } from './criticalValue.js';
import type { Interval, IntervalOptions } from './Interval.js';

/**
 * The Clopper–Pearson "exact" interval (Clopper & Pearson 1934) for a proportion, from beta
 * quantiles: lower = B(α/2; x, n − x + 1), upper = B(1 − α/2; x + 1, n − x). It never covers less
 * than its level, so it is wider than it needs to be (Newcombe 1998a, method 5); use it where a
 * guarantee matters more than width.
 *
 * @param successes - the count in the band, 0 ≤ successes ≤ n
 * @param n - the sample size, > 0
 * @param options - `level` (default 0.95) or `z`
 * @returns the interval on 0…1 (unit `'proportion'`)
 * @throws {@link CxMetricsError} `invalid_argument` or `invalid_option`
 *
 * @example
 * ```ts
 * import { clopperPearsonInterval } from 'cx-metrics';
 *
 * clopperPearsonInterval(0, 20); // => { lower: 0, upper: 0.1684, level: 0.95, method: "clopper-pearson", unit: "proportion" }
 * ```
 */
export function clopperPearsonInterval(successes: number, n: number, options?: IntervalOptions): Interval<'clopper-pearson', 'proportion'> {
  return guard('clopperPearsonInterval', () => {
    checkProportion('clopperPearsonInterval', successes, n);
    const { level } = criticalValue('clopperPearsonInterval', options);
    const alpha = 1 - level;
    return {
      lower: successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1),
      upper: successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes),
      level,
      method: 'clopper-pearson',
      unit: 'proportion',
    };
  });
}

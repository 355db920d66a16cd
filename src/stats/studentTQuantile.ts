import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { bisect, regularizedBeta } from '../internal/specialFunctions.js';
import { normalQuantile } from './normalQuantile.js';

/**
 * The quantile of Student's t: the t with P(T ≤ t) = p for `degreesOfFreedom` ν > 0 (fractional
 * ν allowed). Found by bisection on the tail probability, which cannot diverge; matches the
 * printed tables (NIST/SEMATECH e-Handbook §1.3.6.7.2) to every digit they print.
 *
 * @param p - a probability, 0 < p < 1
 * @param degreesOfFreedom - ν > 0
 * @returns the quantile
 * @throws {@link CxMetricsError} `invalid_argument` when p or ν is out of its domain
 *
 * @example
 * ```ts
 * import { studentTQuantile } from 'cx-metrics';
 *
 * studentTQuantile(0.975, 10); // => 2.228139
 * studentTQuantile(0.975, 1); // => 12.706205
 * ```
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  return guard('studentTQuantile', () => {
    const fn = 'studentTQuantile';
    checkNumber(fn, p, ['p'], { min: 0, max: 1, exclusiveMin: true, describe: 'a probability strictly between 0 and 1' });
    if (p === 1) checkNumber(fn, p, ['p'], { max: 0, describe: 'a probability strictly between 0 and 1' });
    checkNumber(fn, degreesOfFreedom, ['degreesOfFreedom'], { min: 0, exclusiveMin: true, describe: 'degrees of freedom greater than 0' });
    if (p === 0.5) return 0;
    const upper = p > 0.5;
    const tail = upper ? 1 - p : p;
    const nu = degreesOfFreedom;
    // Upper-tail probability of |t|, decreasing in t: ½·I_{ν/(ν+t²)}(ν/2, ½).
    const tailAt = (t: number): number => 0.5 * regularizedBeta(nu / (nu + t * t), nu / 2, 0.5);
    let high = Math.max(1, Math.abs(normalQuantile(tail)) * 2);
    while (tailAt(high) > tail && high < 1e300) high *= 4;
    const t = bisect((x) => tailAt(x) - tail, 0, high);
    return upper ? t : -t;
  });
}

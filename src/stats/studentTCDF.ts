import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { regularizedBeta } from '../internal/specialFunctions.js';

/**
 * The cumulative distribution function of Student's t with `degreesOfFreedom` (> 0, not
 * necessarily whole, as Welch–Satterthwaite and Kish-weighted intervals need):
 * P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, by symmetry below.
 *
 * @param t - the point
 * @param degreesOfFreedom - ν > 0
 * @returns P(T ≤ t)
 * @throws {@link CxMetricsError} `invalid_argument` for a non-number t or ν ≤ 0
 *
 * @example
 * ```ts
 * import { studentTCDF } from 'cx-metrics';
 *
 * studentTCDF(2.228139, 10); // => 0.975
 * studentTCDF(0, 3); // => 0.5
 * ```
 */
export function studentTCDF(t: number, degreesOfFreedom: number): number {
  return guard('studentTCDF', () => {
    const fn = 'studentTCDF';
    checkNumber(fn, degreesOfFreedom, ['degreesOfFreedom'], { min: 0, exclusiveMin: true, describe: 'degrees of freedom greater than 0' });
    if (t === Infinity) return 1;
    if (t === -Infinity) return 0;
    checkNumber(fn, t, ['t'], { describe: 'a number' });
    const tail = 0.5 * regularizedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
    return t < 0 ? tail : 1 - tail;
  });
}

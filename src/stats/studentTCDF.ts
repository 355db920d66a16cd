import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { tDistribution } from '../internal/specialFunctions.js';

/**
 * The cumulative distribution function of Student's t with `degreesOfFreedom` (> 0, not
 * necessarily whole, as Welch–Satterthwaite and Kish-weighted intervals need):
 * P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, by symmetry below; near the median the
 * central part ½·I_{t²/(ν+t²)}(½, ν/2), with both arguments computed apart so that neither cancels;
 * beyond 1e8 degrees of freedom the normal limit with its first correction (A&S 26.7.8).
 * Tested (test/stats/precision.test.ts) to 1e-12 relative against mpmath at 3, 1e6 and 1e9 degrees
 * of freedom, and against the normal CDF at 1e15; in the tails between 1e5 and 1e8 degrees of
 * freedom it is within 2e-10.
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
    return tDistribution(t, degreesOfFreedom);
  });
}

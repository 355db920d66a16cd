import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { tDistribution } from '../internal/specialFunctions.js';

/**
 * The cumulative distribution function of Student's t with `degreesOfFreedom` (> 0, not
 * necessarily whole, as Welch–Satterthwaite and Kish-weighted intervals need):
 * P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, by symmetry below; near the median the
 * central part ½·I_{t²/(ν+t²)}(½, ν/2), with both arguments computed apart so that neither cancels.
 * At large ν the incomplete beta is the asymptotic expansion of TOMS 708 (Didonato and Morris
 * 1992, `bgrat`), so no normal approximation is used at any ν. Tested
 * (test/stats/precision.test.ts) to 1e-12 relative against mpmath
 * (test/reference/distributionEdges.json) from 1e-3 to 1e15 degrees of freedom and from tails of
 * 1e-300 to within 1e-12 of the median (363 points): the worst seen there is 1.0e-13.
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

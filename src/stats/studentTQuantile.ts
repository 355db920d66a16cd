import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { bisect, tCentral, tTail } from '../internal/specialFunctions.js';
import { normalQuantile } from './normalQuantile.js';

/**
 * The quantile of Student's t: the t with P(T ≤ t) = p for `degreesOfFreedom` ν > 0 (fractional
 * ν allowed). Found by bisection on ln t of the tail probability (or, near the median, of the
 * central one), which cannot diverge; matches the printed tables (NIST/SEMATECH e-Handbook
 * §1.3.6.7.2) to every digit they print. Tested (test/stats/precision.test.ts) to 1e-12 relative
 * against mpmath (test/reference/distributionEdges.json) from 1e-3 to 1e15 degrees of freedom and
 * for p from 1e-300 to within 1e-12 of ½ (363 points): the worst seen there is 4.9e-13, at 1e-3
 * degrees of freedom (where the quantile moves 1/ν times as much as p), and 8.5e-15 between 1e5
 * and 1e8. At a fraction of a
 * degree of freedom, where the quantile lies beyond the largest double, it is ±Infinity.
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
    // Near the median the central probability P(|T| ≤ t) = I_y(½, ν/2), y = t²/(ν + t²), is solved
    // for (2|p − ½| is exact there, and small); elsewhere the tail ½·I_x(ν/2, ½), x = ν/(ν + t²).
    // Both forms take x and y computed directly, so neither cancels at large ν.
    const central = Math.abs(p - 0.5) < 0.25;
    const target = central ? 2 * Math.abs(p - 0.5) : tail;
    const at = (t: number): number => (central ? target - tCentral(t, nu) : tTail(t, nu) - tail);
    let high = Math.max(1, Math.abs(normalQuantile(tail)) * 2);
    while (at(high) > 0 && high < Number.MAX_VALUE) high = Math.min(high * 4, Number.MAX_VALUE);
    // At a fraction of a degree of freedom the tails reach beyond the largest double (as R's qt says).
    if (at(high) > 0) return upper ? Infinity : -Infinity;
    // Bisection on ln t from the smallest double, so a tiny t (p within 1e-12 of ½) keeps its digits.
    const t = Math.exp(bisect((u) => at(Math.exp(u)), Math.log(Number.MIN_VALUE), Math.log(high)));
    return upper ? t : -t;
  });
}

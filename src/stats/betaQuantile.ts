import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { bisect, regularizedBeta } from '../internal/specialFunctions.js';

/**
 * The quantile of the Beta(a, b) distribution: the x with I_x(a, b) = p. Clopper–Pearson limits
 * are beta quantiles. Found by bisection on the regularized incomplete beta function, so it is
 * exact to about 1e−15 however skewed the distribution.
 *
 * @param p - a probability, 0 ≤ p ≤ 1
 * @param a - shape a > 0
 * @param b - shape b > 0
 * @returns x in [0, 1]
 * @throws {@link CxMetricsError} `invalid_argument` when an argument is out of its domain
 *
 * @example
 * ```ts
 * import { betaQuantile } from 'cx-metrics';
 *
 * betaQuantile(0.5, 2, 2); // => 0.5
 * betaQuantile(0.975, 1, 20); // => 0.1684
 * ```
 */
export function betaQuantile(p: number, a: number, b: number): number {
  return guard('betaQuantile', () => {
    const fn = 'betaQuantile';
    checkNumber(fn, p, ['p'], { min: 0, max: 1, describe: 'a probability from 0 to 1' });
    checkNumber(fn, a, ['a'], { min: 0, exclusiveMin: true, describe: 'a shape greater than 0' });
    checkNumber(fn, b, ['b'], { min: 0, exclusiveMin: true, describe: 'a shape greater than 0' });
    if (p === 0) return 0;
    if (p === 1) return 1;
    return bisect((x) => regularizedBeta(x, a, b) - p, 0, 1);
  });
}

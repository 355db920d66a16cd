import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { bisect, regularizedBeta } from '../internal/specialFunctions.js';

/**
 * The quantile of the Beta(a, b) distribution: the x with I_x(a, b) = p. Clopper–Pearson limits
 * are beta quantiles. Found by bisection on the logarithm of the root (or of its distance from 1)
 * with the regularized incomplete beta function (TOMS 708's methods where the shapes are far
 * apart or both large). Tested (test/stats/precision.test.ts) to 1e-12 relative against mpmath
 * (test/reference/distributionEdges.json) for shapes from 1e-3 to 1e15, among them
 * Clopper–Pearson shapes of 20 and 1e12 or 5e11 and 5e11 + 1, and p from 1e-300 to 1 − 1e-10:
 * the worst seen there is 1.2e-13 (126 points). For a small shape a the root moves 1/a times as
 * much as p does, so its error grows like 1e-15/a: 1.04e-12 at a = 1e-3, where the test allows
 * 2e-12. A root below the smallest double is 0; one within it of 1 is 1.
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
    // Solved for ln x when the root is at most ½ (so a root of 1e-300 keeps all its digits), and for
    // ln(1 − x) when it is above, each by bisection to the last bit of the logarithm. The equation
    // is written in the smaller of p and 1 − p (both exact: 1 − p is exact for p ≥ ½), with the
    // complement I_{1−x}(b, a) = 1 − I_x(a, b), so that neither side is a difference from 1.
    const lowest = Math.log(Number.MIN_VALUE);
    const upperTail = p > 0.5;
    const q = 1 - p;
    const rootBelowHalf = upperTail ? regularizedBeta(0.5, b, a) <= q : regularizedBeta(0.5, a, b) >= p;
    if (rootBelowHalf) {
      // f(u) at x = e^u, 1 − x = −expm1(u).
      const f = (u: number): number =>
        upperTail ? q - regularizedBeta(-Math.expm1(u), b, a, Math.exp(u)) : regularizedBeta(Math.exp(u), a, b, -Math.expm1(u)) - p;
      // The root is below the smallest double (tiny p with a small shape a): it rounds to 0.
      if (f(lowest) >= 0) return 0;
      return Math.exp(bisect(f, lowest, Math.log(0.5)));
    }
    // f(v) at 1 − x = e^v, x = −expm1(v).
    const f = (v: number): number =>
      upperTail ? regularizedBeta(Math.exp(v), b, a, -Math.expm1(v)) - q : p - regularizedBeta(-Math.expm1(v), a, b, Math.exp(v));
    if (f(lowest) >= 0) return 1;
    return -Math.expm1(bisect(f, lowest, Math.log(0.5)));
  });
}

import { guard } from '../internal/guard.js';
import { normalDistribution } from '../internal/specialFunctions.js';
import { checkNumber } from '../internal/options.js';

/**
 * The standard normal cumulative distribution function Φ(x) = P(Z ≤ x), computed through the
 * complementary error function, erfc(t) = Q(½, t²), so tails keep their relative accuracy
 * (Φ(−10) ≈ 7.6e−24 rather than 0): equal to R's `pnorm` to 2e−14 relative from x = −37
 * (Φ ≈ 6e−300) to 8 (test/stats/normalAndAdjust.test.ts).
 *
 * @param x - the point
 * @returns Φ(x)
 * @throws {@link CxMetricsError} `invalid_argument` when x is not a number (±Infinity are fine)
 *
 * @example
 * ```ts
 * import { normalCDF } from 'cx-metrics';
 *
 * normalCDF(1.959963984540054); // => 0.975
 * normalCDF(0); // => 0.5
 * ```
 */
export function normalCDF(x: number): number {
  return guard('normalCDF', () => {
    if (x === Infinity) return 1;
    if (x === -Infinity) return 0;
    checkNumber('normalCDF', x, ['x'], { describe: 'a number' });
    return normalDistribution(x);
  });
}

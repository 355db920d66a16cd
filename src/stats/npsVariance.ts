import { guard } from '../internal/guard.js';
import { checkNPSCounts, type NPSCounts, trinomialVariance } from './NPSCounts.js';

/**
 * The variance of a single answer scored +1 (promoter), 0 (passive), −1 (detractor):
 * Var = pP + pD − (pP − pD)², on the natural scale (NPS −1…1). The standard error of NPS is
 * √(Var/n). This is the formula of Rocks' R package `NPS` (`R/nps.R`) and of the trinomial model.
 *
 * @param counts - answers per band
 * @returns the variance, 0…1
 * @throws {@link CxMetricsError} `invalid_argument` for negative, non-finite or all-zero counts
 *
 * @example
 * ```ts
 * import { npsVariance } from 'cx-metrics';
 *
 * npsVariance({ detractors: 1, passives: 2, promoters: 3 }); // => 0.5555556
 * ```
 */
export function npsVariance(counts: NPSCounts): number {
  return guard('npsVariance', () => {
    const n = checkNPSCounts('npsVariance', counts);
    return trinomialVariance(counts, n);
  });
}

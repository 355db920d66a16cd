import { guard } from '../internal/guard.js';
import { forEachRow, rowSource } from '../internal/readRows.js';
import { fail } from '../internal/issue.js';
import { isWeight, WEIGHT_EXPECTED, weightIssueCode } from '../internal/isWeight.js';

/**
 * Kish's effective sample size of weighted data: n_eff = (Σw)² / Σw² (Kish 1965, *Survey
 * Sampling*). Equal weights give n; unequal weights give less, the size of an unweighted sample
 * that would be as precise, for a statistic unrelated to the weights. Weighted results in
 * cx-metrics use it with `varianceMethod: 'kish'`; by default they use the Taylor-linearization
 * variance instead, which also sees how the weights go with the answers (docs/methods.md, "Weights").
 *
 * @param weights - the weights, each finite and ≥ 0
 * @returns n_eff (0 when every weight is 0)
 * @throws {@link CxMetricsError} `invalid_weights` for a negative, non-finite or non-number weight
 *
 * @example
 * ```ts
 * import { effectiveSampleSize } from 'cx-metrics';
 *
 * effectiveSampleSize([1, 1, 1, 1]); // => 4
 * effectiveSampleSize([1, 1, 1, 5]); // => 2.2857143
 * ```
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  return guard('effectiveSampleSize', () => {
    const fn = 'effectiveSampleSize';
    let sum = 0;
    let sumOfSquares = 0;
    forEachRow(fn, rowSource<unknown>(fn, weights, ['weights'], false, 'weights'), ['weights'], {
      row(weight, index) {
        if (!isWeight(weight)) fail(fn, 'invalid_weights', weightIssueCode(weight), WEIGHT_EXPECTED, weight, ['weights', index]);
        sum += weight;
        sumOfSquares += weight * weight;
      },
      hole: (index) => fail(fn, 'invalid_weights', 'hole', WEIGHT_EXPECTED, undefined, ['weights', index]),
    });
    return sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;
  });
}

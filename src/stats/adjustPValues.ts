import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { checkChoice } from '../internal/options.js';

/** How {@link adjustPValues} controls error over a family of tests. */
export type PValueAdjustment = 'holm' | 'benjamini-hochberg' | 'bonferroni';

/**
 * Adjusts p-values for testing many hypotheses at once, such as every segment of a table against
 * the rest, so that "significant" keeps its meaning:
 *
 * - `'holm'` (default; Holm 1979): controls the family-wise error rate, uniformly more powerful
 *   than Bonferroni. With p sorted ascending, p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).
 * - `'benjamini-hochberg'` (Benjamini & Hochberg 1995): controls the false-discovery rate, for
 *   exploratory tables. p̃₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎/j).
 * - `'bonferroni'`: min(1, m·p).
 *
 * The results come back in the input order; they equal R's `p.adjust` to 1e−15
 * (test/stats/normalAndAdjust.test.ts). Every adjusted
 * p-value is at least its raw one.
 *
 * @param pValues - raw p-values, each from 0 to 1
 * @param method - the adjustment, default `'holm'`
 * @returns the adjusted p-values, in the input order
 * @throws {@link CxMetricsError} `invalid_argument` for a p-value outside [0, 1], `invalid_option` for an unknown method
 *
 * @example
 * ```ts
 * import { adjustPValues } from 'cx-metrics';
 *
 * adjustPValues([0.01, 0.04, 0.03]); // => [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], 'benjamini-hochberg'); // => [0.03, 0.04, 0.04]
 * ```
 */
export function adjustPValues(pValues: readonly number[], method: PValueAdjustment = 'holm'): number[] {
  return guard('adjustPValues', () => {
    const fn = 'adjustPValues';
    checkChoice(fn, method, ['holm', 'benjamini-hochberg', 'bonferroni'], ['method']);
    if (!Array.isArray(pValues)) return fail(fn, 'invalid_argument', 'invalid_value', 'an array of p-values', pValues, ['pValues']);
    pValues.forEach((p: unknown, index) => {
      if (typeof p !== 'number' || !(p >= 0 && p <= 1)) fail(fn, 'invalid_argument', 'out_of_range', 'a p-value from 0 to 1', p, ['pValues', index]);
    });
    const m = pValues.length;
    const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p || a.index - b.index);
    const adjusted = new Array<number>(m);
    if (method === 'bonferroni') return pValues.map((p) => Math.min(1, m * p));
    if (method === 'holm') {
      let running = 0;
      order.forEach(({ p, index }, rank) => {
        running = Math.max(running, Math.min(1, (m - rank) * p));
        adjusted[index] = running;
      });
    } else {
      let running = 1;
      for (let rank = m - 1; rank >= 0; rank--) {
        const { p, index } = order[rank] as { p: number; index: number };
        // m/(rank + 1) ≥ 1, so the adjusted value is never below p; max() absorbs rounding.
        running = Math.min(running, Math.max(p, Math.min(1, p * (m / (rank + 1)))));
        adjusted[index] = running;
      }
    }
    return adjusted;
  });
}

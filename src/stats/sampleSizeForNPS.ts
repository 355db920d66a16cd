import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { criticalValue } from './criticalValue.js';

/** Expected shares of promoters and detractors, 0…1 each. */
export interface ExpectedNPSShares {
  /** The expected share of promoters. */
  readonly promoters: number;
  /** The expected share of detractors. */
  readonly detractors: number;
}

/** Options for {@link sampleSizeForNPS}. */
export interface SampleSizeForNPSOptions {
  /** The half-width wanted, on the natural scale: 0.05 for ±5 NPS points. */
  readonly margin: number;
  /** Confidence level, default 0.95. */
  readonly level?: number | undefined;
  /**
   * What you expect: shares of promoters and detractors (0…1), giving
   * Var = pP + pD − (pP − pD)². Without it the worst case, Var = 1, is planned for.
   */
  readonly expected?: ExpectedNPSShares | undefined;
}

/**
 * How many answers an NPS survey needs for a given margin of error, for the adjusted-Wald
 * interval: n = z²·Var/d² − 3, rounded up (Rocks 2016; MeasuringU). Plan for the worst case
 * (Var = 1) unless you have earlier results.
 *
 * @param options - the margin, level, and expected shares
 * @returns the number of answered responses needed (at least 1)
 * @throws {@link CxMetricsError} `invalid_option` for a margin outside (0, 2] or bad shares
 *
 * @example
 * ```ts
 * import { sampleSizeForNPS } from 'cx-metrics';
 *
 * sampleSizeForNPS({ margin: 0.1 }); // => 382
 * sampleSizeForNPS({ margin: 0.05, expected: { promoters: 0.5, detractors: 0.2 } }); // => 935
 * ```
 */
export function sampleSizeForNPS(options: SampleSizeForNPSOptions): number {
  return guard('sampleSizeForNPS', () => {
    const fn = 'sampleSizeForNPS';
    const margin = checkNumber(fn, options?.margin, ['options', 'margin'], { min: 0, max: 2, exclusiveMin: true, describe: 'a margin on the natural scale, in (0, 2]: 0.05 for ±5 points' }, 'invalid_option');
    const { z } = criticalValue(fn, { level: options.level });
    let variance = 1;
    if (options.expected !== undefined) {
      const describe = 'a share from 0 to 1';
      const promoters = checkNumber(fn, options.expected.promoters, ['options', 'expected', 'promoters'], { min: 0, max: 1, describe }, 'invalid_option');
      const detractors = checkNumber(fn, options.expected.detractors, ['options', 'expected', 'detractors'], { min: 0, max: 1 - promoters, describe: `a share from 0 to ${1 - promoters} (promoters + detractors ≤ 1)` }, 'invalid_option');
      variance = promoters + detractors - (promoters - detractors) ** 2;
    }
    // The tolerance keeps an exact answer (384.0000000001 from rounding) from gaining one.
    return Math.max(1, Math.ceil((z * z * variance) / (margin * margin) - 3 - 1e-9));
  });
}

import { guard } from '../internal/guard.js';
import { checkNumber } from '../internal/options.js';
import { criticalValue } from './criticalValue.js';

/** Options for {@link sampleSizeForProportion}. */
export interface SampleSizeForProportionOptions {
  /** The half-width wanted, as a proportion: 0.05 for ±5 percentage points. */
  readonly margin: number;
  /** Confidence level, default 0.95. */
  readonly level?: number | undefined;
  /** The proportion you expect; default 0.5, the worst case. */
  readonly proportion?: number | undefined;
}

/**
 * How many answers a proportion (CSAT, % easy) needs for a given margin of error:
 * n = z²·p(1 − p)/d², rounded up (the normal-approximation planning formula; Cochran 1977).
 *
 * @param options - the margin, level and expected proportion
 * @returns the number of answered responses needed (at least 1)
 * @throws {@link CxMetricsError} `invalid_option` for a margin outside (0, 1] or a bad proportion
 *
 * @example
 * ```ts
 * import { sampleSizeForProportion } from 'cx-metrics';
 *
 * sampleSizeForProportion({ margin: 0.05 }); // => 385
 * sampleSizeForProportion({ margin: 0.03, proportion: 0.8 }); // => 683
 * ```
 */
export function sampleSizeForProportion(options: SampleSizeForProportionOptions): number {
  return guard('sampleSizeForProportion', () => {
    const fn = 'sampleSizeForProportion';
    const margin = checkNumber(fn, options?.margin, ['options', 'margin'], { min: 0, max: 1, exclusiveMin: true, describe: 'a margin as a proportion, in (0, 1]: 0.05 for ±5 points' }, 'invalid_option');
    const proportion = checkNumber(fn, options.proportion ?? 0.5, ['options', 'proportion'], { min: 0, max: 1, describe: 'a proportion from 0 to 1' }, 'invalid_option');
    const { z } = criticalValue(fn, { level: options.level });
    return Math.max(1, Math.ceil((z * z * proportion * (1 - proportion)) / (margin * margin) - 1e-9));
  });
}

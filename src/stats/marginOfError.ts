import { guard } from '../internal/guard.js';
import { checkChoice, checkNumber } from '../internal/options.js';
import { criticalValue } from './criticalValue.js';
import { studentTQuantile } from './studentTQuantile.js';

/** What {@link marginOfError} is asked about: a proportion, an NPS, or a mean. */
export type MarginOfErrorOptions =
  | {
      /** A proportion such as CSAT or % easy. */
      readonly metric: 'proportion';
      /** The sample size. */
      readonly n: number;
      /** The expected proportion; default 0.5, the worst case. */
      readonly proportion?: number | undefined;
      /** Confidence level, default 0.95. */
      readonly level?: number | undefined;
    }
  | {
      /** Net Promoter Score. */
      readonly metric: 'nps';
      /** The sample size. */
      readonly n: number;
      /** The trinomial variance (see `npsVariance`); default 1, the worst case (half promoters, half detractors). */
      readonly variance?: number | undefined;
      /** Confidence level, default 0.95. */
      readonly level?: number | undefined;
    }
  | {
      /** A mean such as the CES score. */
      readonly metric: 'mean';
      /** The sample size (> 1). */
      readonly n: number;
      /** The standard deviation of single answers. */
      readonly sd: number;
      /** Confidence level, default 0.95. */
      readonly level?: number | undefined;
    };

/**
 * The half-width of a confidence interval you can expect from a sample of size n, on the
 * natural scale (0…1 for proportions, −1…1 for NPS: 0.05 is ±5 points):
 *
 * - proportion: z·√(p(1 − p)/n)
 * - nps: z·√(Var/(n + 3)), the adjusted-Wald form, and the inverse of {@link sampleSizeForNPS}
 * - mean: t(n − 1)·sd/√n
 *
 * @param options - the metric, n, and what is known about the spread
 * @returns the margin of error
 * @throws {@link CxMetricsError} `invalid_option` for a bad option
 *
 * @example
 * ```ts
 * import { marginOfError } from 'cx-metrics';
 *
 * marginOfError({ metric: 'proportion', n: 400 }); // => 0.049
 * marginOfError({ metric: 'nps', n: 381 }); // => 0.1
 * ```
 */
export function marginOfError(options: MarginOfErrorOptions): number {
  return guard('marginOfError', () => {
    const fn = 'marginOfError';
    const metric = checkChoice(fn, options?.metric, ['proportion', 'nps', 'mean'], ['options', 'metric']);
    const { level, z } = criticalValue(fn, { level: options.level });
    if (metric === 'mean') {
      const { n, sd } = options as Extract<MarginOfErrorOptions, { metric: 'mean' }>;
      checkNumber(fn, n, ['options', 'n'], { min: 1, exclusiveMin: true, describe: 'a sample size greater than 1' }, 'invalid_option');
      checkNumber(fn, sd, ['options', 'sd'], { min: 0, describe: 'a standard deviation of at least 0' }, 'invalid_option');
      return (studentTQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
    }
    const n = checkNumber(fn, options.n, ['options', 'n'], { min: 0, exclusiveMin: true, describe: 'a sample size greater than 0' }, 'invalid_option');
    if (metric === 'nps') {
      const { variance = 1 } = options as Extract<MarginOfErrorOptions, { metric: 'nps' }>;
      checkNumber(fn, variance, ['options', 'variance'], { min: 0, max: 1, describe: 'an NPS variance from 0 to 1' }, 'invalid_option');
      return z * Math.sqrt(variance / (n + 3));
    }
    const { proportion = 0.5 } = options as Extract<MarginOfErrorOptions, { metric: 'proportion' }>;
    checkNumber(fn, proportion, ['options', 'proportion'], { min: 0, max: 1, describe: 'a proportion from 0 to 1' }, 'invalid_option');
    return z * Math.sqrt((proportion * (1 - proportion)) / n);
  });
}

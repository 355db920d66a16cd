import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import { checkLevel, checkNumber, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { forEachRow, rowSource } from '../internal/readRows.js';
import { studentTQuantile } from './studentTQuantile.js';
import type { Interval } from './Interval.js';

/** A sample summarized by its mean, standard deviation and size. */
export interface SampleSummary {
  /** The sample mean. */
  readonly mean: number;
  /** The sample standard deviation (with n − 1 in the denominator). */
  readonly sd: number;
  /** The sample size (> 1; may be fractional: an effective n of weighted data). */
  readonly n: number;
}

/** Options for {@link tInterval}. */
export interface TIntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default 0.95. */
  readonly level?: number | undefined;
}

/**
 * Mean and sample standard deviation. Arrays and array-likes take two passes, as R's `mean` and
 * `var` do: a compensated (Neumaier) sum for the mean, corrected by the mean residual, then the
 * squared deviations with the residual's correction (the "corrected two-pass" algorithm of Chan,
 * Golub and LeVeque 1983). On badly scaled data (1e6 plus noise of 1e-3) that keeps the digits a
 * one-pass update loses (test/reference/welchBadlyScaled.json: Welch's t statistic 2e-7 off
 * before, within 1e-12 now). Iterables can be read once only: Welford's one-pass update.
 */
export function summarizeSample(functionName: string, values: ArrayLike<number>, name: string = 'values'): SampleSummary {
  const check = (value: unknown, index: number): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(functionName, 'invalid_argument', typeof value === 'number' ? 'not_finite' : 'not_a_number', 'a finite number', value, [name, index]);
    }
    return value;
  };
  const hole = (index: number): never => fail(functionName, 'invalid_argument', 'hole', 'a finite number at every index', undefined, [name, index]);
  const source = rowSource<unknown>(functionName, values, [name], false);
  if (source.kind === 'array') {
    const rows = source.rows;
    const n = source.length;
    let sum = 0;
    let compensation = 0;
    for (let index = 0; index < n; index++) {
      const value = rows[index];
      if (value === undefined && !(index in (rows as object))) hole(index);
      const x = check(value, index);
      const total = sum + x;
      compensation += Math.abs(sum) >= Math.abs(x) ? sum - total + x : x - total + sum;
      sum = total;
    }
    let mean = n > 0 ? (sum + compensation) / n : 0;
    let residual = 0;
    for (let index = 0; index < n; index++) residual += (rows[index] as number) - mean;
    mean += n > 0 ? residual / n : 0;
    let squares = 0;
    let deviations = 0;
    for (let index = 0; index < n; index++) {
      const deviation = (rows[index] as number) - mean;
      squares += deviation * deviation;
      deviations += deviation;
    }
    return { mean, n, sd: n > 1 ? Math.sqrt(Math.max(0, squares - (deviations * deviations) / n) / (n - 1)) : 0 };
  }
  let mean = 0;
  let sumOfSquares = 0;
  const n = forEachRow(functionName, source, [name], {
    row: (value, index) => {
      const x = check(value, index);
      const delta = x - mean;
      mean += delta / (index + 1);
      sumOfSquares += delta * (x - mean);
    },
    hole,
  });
  return { mean, n, sd: n > 1 ? Math.sqrt(sumOfSquares / (n - 1)) : 0 };
}

const LEVEL_ONLY = ['level'] as const satisfies readonly (keyof TIntervalOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof TIntervalOptions, (typeof LEVEL_ONLY)[number]>;
/**
 * The Student t confidence interval for a mean: x̄ ± t(1 − α/2; n − 1)·s/√n. Used for the CES
 * mean and the CSAT mean. Give the values themselves or their summary `{ mean, sd, n }`.
 *
 * @param sample - the values (at least 2, all finite), or `{ mean, sd, n }` with n > 1
 * @param options - `level`, default 0.95
 * @returns the interval, in the values' units (unit `'scale'`)
 * @throws {@link CxMetricsError} `invalid_argument` for fewer than 2 values or a non-finite one
 *
 * @example
 * ```ts
 * import { tInterval } from 'cx-metrics';
 *
 * // NIST/SEMATECH e-Handbook §1.3.5.2, heat flow meter data (NIST prints 9.258242 from the
 * // unrounded mean and sd; these are the rounded ones it shows)
 * tInterval({ mean: 9.26146, sd: 0.022789, n: 195 }); // => { lower: 9.258241, upper: 9.264679, level: 0.95, method: "t", unit: "scale" }
 * const small = tInterval([5, 6, 7]);
 * [small.lower, small.upper]; // => [3.516, 8.484]
 * ```
 */
export function tInterval(sample: ArrayLike<number> | SampleSummary, options?: TIntervalOptions): Interval<'t', 'scale'> {
  return guard('tInterval', () => {
    const fn = 'tInterval';
    const level = checkLevel(fn, checkOptions(fn, options, LEVEL_ONLY).level ?? 0.95);
    if (typeof sample !== 'object' || sample === null) return fail(fn, 'invalid_argument', 'invalid_value', 'an array of values or { mean, sd, n }', sample, ['sample']);
    const summary = 'mean' in sample ? sample : summarizeSample(fn, sample);
    const mean = checkNumber(fn, summary.mean, ['sample', 'mean'], { describe: 'a finite mean' });
    const sd = checkNumber(fn, summary.sd, ['sample', 'sd'], { min: 0, describe: 'a standard deviation of at least 0' });
    const n = checkNumber(fn, summary.n, ['sample', 'n'], { min: 1, exclusiveMin: true, describe: 'a sample size greater than 1' });
    const half = studentTQuantile((1 + level) / 2, n - 1) * (sd / Math.sqrt(n));
    return { lower: mean - half, upper: mean + half, level, method: 't', unit: 'scale' };
  });
}

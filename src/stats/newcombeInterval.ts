import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import type { Interval, IntervalOptions } from './Interval.js';
import { wilsonInterval } from './wilsonInterval.js';
import { criticalValue } from './criticalValue.js';

/** One sample's proportion as counts. */
export interface ProportionCounts {
  /** The count in the band. */
  readonly successes: number;
  /** The sample size. */
  readonly n: number;
}

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions,
 * a − b (Newcombe 1998b, *Statistics in Medicine* 17:873–890, method 10). Built from the two
 * Wilson intervals (l₁, u₁) and (l₂, u₂): with δ = p₁ − p₂,
 * lower = δ − √((p₁ − l₁)² + (u₂ − p₂)²), upper = δ + √((u₁ − p₁)² + (p₂ − l₂)²).
 * The difference is signed: a − b, never |a − b| (a defect of an earlier NPS package).
 *
 * @param a - the first sample
 * @param b - the second sample
 * @param options - `level` (default 0.95) or `z`
 * @returns the interval of a − b, on −1…1
 * @throws {@link CxMetricsError} `invalid_argument` for bad counts
 *
 * @example
 * ```ts
 * import { newcombeInterval } from 'cx-metrics';
 *
 * // Newcombe (1998b), example (a): 56/70 against 48/80
 * newcombeInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 }); // => { lower: 0.0524, upper: 0.3339, level: 0.95, method: "newcombe", unit: "proportion" }
 * ```
 */
export function newcombeInterval(a: ProportionCounts, b: ProportionCounts, options?: IntervalOptions): Interval<'newcombe', 'proportion'> {
  return guard('newcombeInterval', () => {
    for (const [name, sample] of [['a', a], ['b', b]] as const) {
      if (typeof sample !== 'object' || sample === null) fail('newcombeInterval', 'invalid_argument', 'invalid_value', '{ successes, n }', sample, [name]);
    }
    const { level } = criticalValue('newcombeInterval', options);
    const first = wilsonInterval(a.successes, a.n, options);
    const second = wilsonInterval(b.successes, b.n, options);
    const p1 = a.successes / a.n;
    const p2 = b.successes / b.n;
    const difference = p1 - p2;
    return {
      lower: Math.max(-1, difference - Math.hypot(p1 - first.lower, second.upper - p2)),
      upper: Math.min(1, difference + Math.hypot(first.upper - p1, p2 - second.lower)),
      level,
      method: 'newcombe',
      unit: 'proportion',
    };
  });
}

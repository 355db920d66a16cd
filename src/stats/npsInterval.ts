import { guard } from '../internal/guard.js';
import { checkChoice } from '../internal/options.js';
import { bisect } from '../internal/specialFunctions.js';
import { criticalValue } from './criticalValue.js';
import type { Interval, IntervalOptions } from './Interval.js';
import { checkNPSCounts, type NPSCounts, trinomialVariance } from './NPSCounts.js';

/** The interval methods for NPS. */
export type NPSIntervalMethod = 'adjusted-wald' | 'wald' | 'score';

/** The NPS interval methods. */
export const NPS_INTERVAL_METHODS: readonly NPSIntervalMethod[] = ['adjusted-wald', 'wald', 'score'];

/** Options for {@link npsInterval}. */
export interface NPSIntervalOptions extends IntervalOptions {
  /** The interval method: `'adjusted-wald'` (default), `'wald'` or `'score'` (Tango). */
  readonly interval?: NPSIntervalMethod | undefined;
}

function clampNet(value: number): number {
  return Math.min(1, Math.max(-1, value));
}

function waldInterval(counts: NPSCounts, n: number, z: number): { lower: number; upper: number } {
  const net = (counts.promoters - counts.detractors) / n;
  const half = z * Math.sqrt(trinomialVariance(counts, n) / n);
  return { lower: clampNet(net - half), upper: clampNet(net + half) };
}

/**
 * Tango's (1998) score interval for a difference of paired proportions, which NPS is:
 * b = promoters, c = detractors, Δ = (b − c)/n. For each candidate Δ₀ the restricted maximum
 * likelihood estimate q of the detractor share solves 2n·q² + (−b − c + (2n − b + c)Δ₀)·q − c·Δ₀(1 − Δ₀) = 0,
 * and Z(Δ₀) = (b − c − nΔ₀) / √(n(2q + Δ₀ − Δ₀²)). The limits are where |Z| = z, found by
 * bisection on each side of the estimate (Z falls monotonically in Δ₀).
 */
function scoreInterval(counts: NPSCounts, n: number, z: number): { lower: number; upper: number } {
  const b = counts.promoters;
  const c = counts.detractors;
  const statistic = (delta: number): number => {
    const A = 2 * n;
    const B = -b - c + (2 * n - b + c) * delta;
    const C = -c * delta * (1 - delta);
    const q = (Math.sqrt(Math.max(0, B * B - 4 * A * C)) - B) / (2 * A);
    const variance = n * (2 * q + delta - delta * delta);
    const difference = b - c - n * delta;
    if (variance <= 0) return difference === 0 ? 0 : difference > 0 ? Infinity : -Infinity;
    return difference / Math.sqrt(variance);
  };
  const estimate = (b - c) / n;
  const lower = estimate <= -1 ? -1 : bisect((delta) => statistic(delta) - z, -1, estimate);
  const upper = estimate >= 1 ? 1 : bisect((delta) => statistic(delta) + z, estimate, 1);
  return { lower: clampNet(lower), upper: clampNet(upper) };
}

/**
 * A confidence interval for NPS on its natural scale (−1…1; multiply by 100 for points).
 *
 * - `'adjusted-wald'` (default): add 0.75 detractors, 1.5 passives and 0.75 promoters (n + 3),
 *   then a Wald interval around the adjusted NPS with the adjusted trinomial variance, clipped
 *   to [−1, 1] (Rocks 2016, *The American Statistician* 70:365–372; Lewis & Sauro, MeasuringU).
 *   Good coverage even for small n and extreme scores.
 * - `'wald'`: NPS ± z·√(Var/n). Has zero width when every answer falls in one band: only for comparison.
 * - `'score'`: Tango's (1998) score interval for a paired difference, which Rocks calls
 *   "iterative"; about as good as adjusted Wald, and the limits are never outside −1…1.
 *
 * @param counts - answers per band (fractional for weighted data)
 * @param options - `interval` (the method), and `level` (default 0.95) or `z`
 * @returns the interval on −1…1 (unit `'proportion'`)
 * @throws {@link CxMetricsError} `invalid_argument` for bad counts, `invalid_option` for a bad method or level
 *
 * @example
 * ```ts
 * import { npsInterval } from 'cx-metrics';
 *
 * const counts = { detractors: 0, passives: 0, promoters: 3 };
 * npsInterval(counts, { interval: 'score' }); // => { lower: -0.123, upper: 1, level: 0.95, method: "score", unit: "proportion" }
 * const wald = npsInterval(counts, { interval: 'wald' });
 * [wald.lower, wald.upper]; // => [1, 1]
 * ```
 */
export function npsInterval(counts: NPSCounts, options?: NPSIntervalOptions): Interval<NPSIntervalMethod, 'proportion'> {
  return guard('npsInterval', () => {
    const fn = 'npsInterval';
    const n = checkNPSCounts(fn, counts);
    const { z, level } = criticalValue(fn, options, ['interval']);
    const method = checkChoice(fn, options?.interval ?? 'adjusted-wald', NPS_INTERVAL_METHODS, ['options', 'interval']);
    const adjusted = { detractors: counts.detractors + 0.75, passives: counts.passives + 1.5, promoters: counts.promoters + 0.75 };
    const limits = method === 'wald' ? waldInterval(counts, n, z) : method === 'score' ? scoreInterval(counts, n, z) : waldInterval(adjusted, n + 3, z);
    return { ...limits, level, method, unit: 'proportion' };
  });
}

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
 * bisection on each side of the estimate (Z falls monotonically in Δ₀). Written in the distance of
 * Δ₀ from the nearer end, and bisected on its logarithm, so that a limit within 1e-9 of ±1 (huge n,
 * every answer in one band) is right to the last digit a double holds: for 1e8 all-detractor
 * answers the width is right to 1e-9 relative (test/stats/precision.test.ts; the direct formula
 * was 25% off at 1e9).
 */
function scoreInterval(counts: NPSCounts, n: number, z: number): { lower: number; upper: number } {
  const b = counts.promoters;
  const c = counts.detractors;
  const m = counts.passives;
  /**
   * Tango's statistic at δ = −1 + below = 1 − above, with `below` and `above` (the distances to
   * −1 and +1) given apart, so that nothing cancels near either end. On the side of −1 the
   * restricted promoter share r solves 2n·r² + B·r + bδ(1 + δ) = 0, with
   * B = −b − c − (2n + b − c)δ (Tango's quadratic for the detractor share, shifted by δ), and the
   * variance is 2r + (1 + δ)(−δ); the side of +1 mirrors it. The numerator b − c − nδ is
   * (2b + m) − n(1 + δ) there, integers first.
   */
  const statistic = (below: number, above: number): number => {
    const nearLow = below <= above;
    // Mirror the +1 side onto the −1 side: promoters and detractors swap, δ changes sign.
    const [p, q, distance] = nearLow ? [b, c, below] : [c, b, above];
    const delta = distance - 1;
    const B = -p - q - (2 * n + p - q) * delta;
    const C = p * delta * distance;
    const root = Math.sqrt(Math.max(0, B * B - 8 * n * C));
    const r = B > 0 ? (-2 * C) / (B + root) : (root - B) / (4 * n);
    const variance = n * (2 * r + distance * -delta);
    const difference = 2 * p + m - n * distance;
    const signed = nearLow ? difference : -difference;
    if (variance <= 0) return signed === 0 ? 0 : signed > 0 ? Infinity : -Infinity;
    return signed / Math.sqrt(variance);
  };
  const at = (delta: number): number => statistic(1 + delta, 1 - delta);
  /** The root of statistic − target between two values of δ, found on the side where it lies by bisecting the distance to that end on a log scale (so a limit within 1e-9 of ±1 keeps its digits). */
  const solve = (target: number, from: number, to: number): number => {
    const f = (delta: number): number => at(delta) - target;
    const middle = Math.min(Math.max(0, from), to);
    const fromSign = f(from) < 0;
    const onLowSide = middle > from && f(middle) < 0 !== fromSign;
    const tiny = Math.log(Number.MIN_VALUE);
    if (onLowSide || (to <= 0 && from < to)) {
      const low = Math.log(1 + from);
      const high = Math.log(1 + Math.min(to, 0));
      const u = bisect((v) => statistic(Math.exp(v), 2 - Math.exp(v)) - target, Math.max(low, tiny), high);
      return Math.exp(u) - 1;
    }
    const low = Math.log(1 - to);
    const high = Math.log(1 - Math.max(from, 0));
    const u = bisect((v) => statistic(2 - Math.exp(v), Math.exp(v)) - target, Math.max(low, tiny), high);
    return 1 - Math.exp(u);
  };
  const estimate = (b - c) / n;
  const lower = estimate <= -1 ? -1 : solve(z, -1, estimate);
  const upper = estimate >= 1 ? 1 : solve(-z, estimate, 1);
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
 *   "iterative"; about as good as adjusted Wald, and the limits are never outside −1…1. Written so
 *   that nothing cancels near ±1: with every answer in one band the width is right to 1e−9
 *   relative for n = 1e3…1e8 and the limit within one ulp of the closed form (n − z²)/(n + z²) up
 *   to 1e15 (test/stats/precision.test.ts); other samples match Fagerland et al.'s printed digits.
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

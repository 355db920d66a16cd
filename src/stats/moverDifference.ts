import { normalQuantile } from './normalQuantile.js';
import { type DifferenceTest, twoSidedNormalP } from './TestResult.js';

/** One group of a MOVER comparison: its estimate, its standard error, and its own interval at any critical value. */
export interface MOVERGroup {
  /** The group's estimate on the natural scale. */
  readonly estimate: number;
  /** Its standard error (reported beside the test; the interval does not use it). */
  readonly standardError: number;
  /** The group's interval at the two-sided normal critical value z (wider as z grows). */
  readonly intervalAt: (z: number) => { readonly lower: number; readonly upper: number };
}

/** The largest critical value searched: 2Φ(−38.5) is below the smallest double, so a p-value beyond it is 0. */
const LARGEST_Z = 38.5;

/**
 * The difference a − b of two independent estimates with the MOVER interval (method of variance
 * estimates recovery; Zou & Donner 2008, *Statistics in Medicine* 27:1693–1702), built from the
 * two groups' own intervals (lₐ, uₐ) and (lᵦ, uᵦ) with d = θₐ − θᵦ:
 * lower = d − √((θₐ − lₐ)² + (uᵦ − θᵦ)²), upper = d + √((uₐ − θₐ)² + (θᵦ − lᵦ)²).
 * With two Wilson intervals this is Newcombe's hybrid score interval (1998b, method 10). It always
 * holds d: where a group's interval leaves out its own estimate (adjusted Wald can, near an end),
 * that side's distance counts as 0.
 *
 * The p-value inverts the same interval: it is 2Φ(−z*), where z* is the critical value at which
 * the interval's nearer limit reaches 0, found by the Illinois method (z* to 1e-13; the tests
 * check that the interval at z* reaches 0 to 1e-12). So the difference, the interval and
 * the p-value tell one story: p < 1 − level exactly when the interval at that level leaves out 0,
 * and `statistic` is ±z*. `standardError` is √(SEₐ² + SEᵦ²), for reference.
 *
 * @param a - group a
 * @param b - group b
 * @param level - the confidence level of the interval
 * @param bound - the largest possible |difference| (1 for shares, 2 for net scores)
 */
export function moverDifference(a: MOVERGroup, b: MOVERGroup, level: number, bound: number): DifferenceTest<'mover', 'proportion'> {
  const difference = a.estimate - b.estimate;
  const limits = (z: number): { lower: number; upper: number } => {
    const first = a.intervalAt(z);
    const second = b.intervalAt(z);
    // A group interval that leaves out its own estimate (adjusted Wald can, near an end) adds no
    // width on that side, rather than a negative one: the limits then only widen as z grows.
    const gap = (from: number, to: number): number => Math.max(0, to - from);
    return {
      lower: difference - Math.hypot(gap(first.lower, a.estimate), gap(b.estimate, second.upper)),
      upper: difference + Math.hypot(gap(a.estimate, first.upper), gap(second.lower, b.estimate)),
    };
  };
  // How far the nearer limit is past 0, toward the estimate: positive while 0 is left out.
  const clearance = (z: number): number => {
    const { lower, upper } = limits(z);
    return difference > 0 ? lower : -upper;
  };
  let statistic = 0;
  if (difference !== 0) {
    // The Wald z of the difference is close to z* and brackets it within a factor of two in
    // practice, which halves the evaluations; the full range is the fallback.
    const guess = Math.abs(difference) / Math.hypot(a.standardError, b.standardError);
    statistic = Math.sign(difference) * crossing(clearance, Number.isFinite(guess) && guess > 0 ? guess : undefined);
  }
  const { lower, upper } = limits(normalQuantile((1 + level) / 2));
  return {
    difference,
    ci: { lower: Math.max(-bound, lower), upper: Math.min(bound, upper), level, method: 'mover', unit: 'proportion' },
    standardError: Math.hypot(a.standardError, b.standardError),
    statistic,
    pValue: statistic === 0 ? 1 : twoSidedNormalP(statistic),
  };
}

/**
 * Where a falling function of z crosses 0 on [1e-9, LARGEST_Z] (interval functions take z > 0;
 * below 1e-9 the p-value is 1 to double precision): 0 when it starts at or below 0,
 * LARGEST_Z when it never gets there. The Illinois variant of regula falsi (Dowell & Jarratt 1971):
 * as safe as bisection, since the root stays bracketed, and superlinear, so a dozen evaluations of
 * the two groups' intervals instead of sixty.
 */
function crossing(f: (z: number) => number, guess: number | undefined): number {
  let low = 1e-9;
  let high = LARGEST_Z;
  let fLow = Number.NaN;
  let fHigh = Number.NaN;
  if (guess !== undefined) {
    const [from, to] = [Math.max(low, guess / 2), Math.min(high, guess * 2)];
    const [fFrom, fTo] = [f(from), f(to)];
    if (fFrom > 0 && !(fTo > 0)) [low, fLow, high, fHigh] = [from, fFrom, to, fTo];
  }
  if (Number.isNaN(fLow)) {
    fLow = f(low);
    if (!(fLow > 0)) return 0;
    fHigh = f(high);
    if (fHigh > 0) return high;
  }
  let side = 0;
  for (let step = 0; step < 200 && high - low > 1e-13 * Math.max(1, low); step++) {
    let z = (low * fHigh - high * fLow) / (fHigh - fLow);
    if (!(z > low && z < high)) z = (low + high) / 2;
    const fz = f(z);
    if (fz > 0) {
      low = z;
      fLow = fz;
      if (side === -1) fHigh /= 2;
      side = -1;
    } else {
      high = z;
      fHigh = fz;
      if (side === 1) fLow /= 2;
      side = 1;
    }
  }
  return (low + high) / 2;
}

// Special functions behind the normal, t and beta distributions. Written from their textbook
// definitions so the core needs no dependency; each is checked in test/stats against
// published tables.

/** Lanczos approximation (g = 7, 9 terms; Numerical Recipes 3rd ed. §6.1), relative error below 1e-15. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 1000;

/** Continued fraction for the incomplete beta function, by the modified Lentz method (NR §6.4). */
function betaContinuedFraction(x: number, a: number, b: number, y: number = 1 - x): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // 1 − (a + b)x/(a + 1) = ((1 − b) + (a + b)y)/(a + 1): no cancellation when x is near 1.
  let d = x > 0.5 ? (1 - b + qab * y) / qap : 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/**
 * The Stirling correction δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10, from its
 * asymptotic series Σ B₂ₖ / (2k(2k − 1) x^(2k−1)) (Abramowitz and Stegun 6.1.41); seven terms are
 * below 1e-17 at x = 10. It is what the log-gamma of large arguments loses to cancellation when
 * two of them are subtracted (R's lgammacor serves the same purpose).
 */
function stirlingCorrection(x: number): number {
  const inverse = 1 / x;
  const square = inverse * inverse;
  return inverse * (1 / 12 + square * (-1 / 360 + square * (1 / 1260 + square * (-1 / 1680 + square * (1 / 1188 + square * (-691 / 360360 + square * (1 / 156)))))));
}

const LOG_SQRT_2PI = 0.91893853320467274178;

/**
 * ln B(a, b) without the cancellation of ln Γ(a) + ln Γ(b) − ln Γ(a + b) at large arguments: the
 * large terms are combined analytically and only the small Stirling corrections are subtracted,
 * as R's lbeta does (after Didonato and Morris, TOMS 708). Right to about 1e-15 relative for
 * shapes up to 1e15 and beyond.
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return -0.5 * Math.log(q) + LOG_SQRT_2PI + correction + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const correction = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/**
 * The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. Give `y = 1 − x`
 * when it is known more exactly than 1 − x can be computed (x near 1: the t distribution at large
 * degrees of freedom), so that neither the front factor x^a·y^b nor the continued fraction loses it.
 */
export function regularizedBeta(x: number, a: number, b: number, y: number = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b, y)) / a;
  return 1 - (front * betaContinuedFraction(y, b, a, x)) / b;
}

/** Φ(x), the standard normal CDF: ½·Q(½, x²/2) in the lower tail, its complement in the upper. */
export function normalDistribution(x: number): number {
  const half = 0.5 * regularizedGammaQ(0.5, (x * x) / 2);
  return x < 0 ? half : 1 - half;
}

/**
 * P(T ≤ t) for Student's t with ν degrees of freedom, without cancellation anywhere: with
 * x = ν/(ν + t²) and y = t²/(ν + t²), each computed directly, the tail ½·I_x(ν/2, ½) is used where
 * it is small, and the central part ½·I_y(½, ν/2) where the probability is near ½ (t near 0, or
 * ν large, where x is within rounding of 1).
 */
export function tDistribution(t: number, nu: number): number {
  // Beyond 1e8 degrees of freedom the incomplete beta's continued fraction loses digits in the
  // tails (its shapes are huge), and the normal limit with the first correction is exact to double
  // precision there: Φ(t(1 − 1/(4ν)) / √(1 + t²/(2ν))) (Abramowitz and Stegun 26.7.8; R's pt uses it
  // from 4e5), whose error is of order ν⁻², below 1e-16 relative for |t| up to 40.
  if (nu > 1e8) return normalDistribution((t * (1 - 0.25 / nu)) / Math.sqrt(1 + (t * t) / (2 * nu)));
  const square = t * t;
  const x = nu / (nu + square);
  const y = square / (nu + square);
  // The central part: P(|T| ≤ |t|) = I_y(½, ν/2).
  const central = regularizedBeta(y, 0.5, nu / 2, x);
  if (central < 0.5) return t < 0 ? 0.5 - 0.5 * central : 0.5 + 0.5 * central;
  const tail = 0.5 * regularizedBeta(x, nu / 2, 0.5, y);
  return t < 0 ? tail : 1 - tail;
}

/** The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) (NR §6.2). */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logFront = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // Series for P(a, x), then Q = 1 − P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  // Continued fraction for Q(a, x), modified Lentz.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logFront) * h;
}

/**
 * Finds x in [low, high] with f(x) = 0 for a monotone f whose signs differ at the ends, by
 * bisection to the last representable bit: slower than Newton, but it cannot diverge, and it
 * runs only a few dozen times per interval.
 */
export function bisect(f: (x: number) => number, low: number, high: number): number {
  let fLow = f(low);
  for (let i = 0; i < 200; i++) {
    const middle = low + (high - low) / 2;
    if (middle === low || middle === high) break;
    const fMiddle = f(middle);
    if (fMiddle === 0) return middle;
    if (fMiddle < 0 === fLow < 0) {
      low = middle;
      fLow = fMiddle;
    } else high = middle;
  }
  return low + (high - low) / 2;
}

// Special functions behind the normal, t and beta distributions. Written from their textbook
// definitions and, for the incomplete beta at extreme shapes, from Didonato and Morris's
// Algorithm 708 (ACM TOMS 18, 1992, 360-373; R's src/nmath/toms708.c), so the core needs no
// dependency; each is checked in test/stats against published tables, R and mpmath.

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
 * ln(x^a·y^b/B(a, b)), the log of the incomplete beta's front factor, with y = 1 − x given: ln x
 * and ln y each from whichever of x and y is the smaller, so that neither loses the other's digits.
 */
function logBetaFront(a: number, b: number, x: number, y: number): number {
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  return a * logX + b * logY - logBeta(a, b);
}

/**
 * 1/Γ(1 + a) − 1 for −½ ≤ a ≤ 3/2, without the cancellation of forming Γ(1 + a) ≈ 1 first: the
 * rational minimax approximations of TOMS 708's `gam1` (Didonato and Morris 1992, from their
 * Algorithm 654, 1987), as in R's src/nmath/toms708.c.
 */
function reciprocalGammaOnePlusMinusOne(a: number): number {
  const d = a - 0.5;
  // t = a − 1 for a > ½, else a: the approximations are in t on [−½, ½].
  const t = d > 0 ? d - 0.5 : a;
  if (t === 0) return 0;
  if (t < 0) {
    const w = polynomial(GAM1_NEGATIVE_TOP, t) / polynomial(GAM1_NEGATIVE_BOTTOM, t);
    return d > 0 ? (t * w) / a : a * (w + 1);
  }
  const w = polynomial(GAM1_POSITIVE_TOP, t) / polynomial(GAM1_POSITIVE_BOTTOM, t);
  return d > 0 ? (t / a) * (w - 1) : a * w;
}

/** Σ coefficients[i]·t^i, by Horner's rule. */
function polynomial(coefficients: readonly number[], t: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * t + (coefficients[i] as number);
  return value;
}

// The coefficients of gam1 in TOMS 708, lowest power first.
const GAM1_NEGATIVE_TOP = [
  -0.422784335098468, -0.771330383816272, -0.244757765222226, 0.118378989872749, 9.30357293360349e-4, -0.0118290993445146, 0.00223047661158249,
  2.66505979058923e-4, -1.32674909766242e-4,
];
const GAM1_NEGATIVE_BOTTOM = [1, 0.273076135303957, 0.0559398236957378];
const GAM1_POSITIVE_TOP = [0.577215664901533, -0.409078193005776, -0.230975380857675, 0.0597275330452234, 0.0076696818164949, -0.00514889771323592, 5.89597428611429e-4];
const GAM1_POSITIVE_BOTTOM = [1, 0.427569613095214, 0.158451672430138, 0.0261132021441447, 0.00423244297896961];

/**
 * ln(Γ(a)/Γ(a + b)) for a ≥ 10 (TOMS 708's `algdiv`): the large terms of Stirling's formula
 * combined analytically, −b·ln a − (a + b − ½)·ln(1 + b/a) + b, plus the difference of the small
 * Stirling corrections δ(a) − δ(a + b), so nothing of size ln Γ(a) is ever subtracted.
 */
function logGammaRatio(b: number, a: number): number {
  return stirlingCorrection(a) - stirlingCorrection(a + b) - b * Math.log(a) - (a + b - 0.5) * Math.log1p(b / a) + b;
}

/**
 * Q(a, x)/r with r = e^(−x)·x^a/Γ(a) and `logR` = ln r, for 0 < a ≤ 1 (TOMS 708's `grat1`, in R's
 * form `grat_r`, which returns the ratio so that neither Q nor r need be representable): a Taylor
 * series for P(a, x)/x^a when x < 1.1, else Legendre's continued fraction for Q/r (the methods
 * of Didonato and Morris's incomplete gamma ratio, ACM TOMS Algorithm 654, 1986).
 */
function incompleteGammaQOverR(a: number, x: number, logR: number): number {
  if (a * x === 0) return x <= a ? Math.exp(-logR) : 0;
  if (x < 1.1) {
    let an = 3;
    let c = x;
    let sum = x / (a + 3);
    const tolerance = (0.1 * EPSILON) / (a + 1);
    let term: number;
    do {
      an += 1;
      c *= -(x / an);
      term = c / (a + an);
      sum += term;
    } while (Math.abs(term) > tolerance);
    const j = a * x * ((sum / 6 - 0.5 / (a + 2)) * x + 1 / (a + 1));
    const z = a * Math.log(x);
    const h = reciprocalGammaOnePlusMinusOne(a);
    const g = h + 1;
    if ((x >= 0.25 && a < x / 2.59) || z > -0.13394) {
      const l = Math.expm1(z);
      const q = ((l + 1) * j - l) * g - h;
      return q <= 0 ? 0 : q * Math.exp(-logR);
    }
    const p = Math.exp(z) * g * (1 - j);
    return (1 - p) * Math.exp(-logR);
  }
  // Legendre's continued fraction, evaluated by its two convergent sequences.
  let a2nMinus1 = 1;
  let a2n = 1;
  let b2nMinus1 = x;
  let b2n = x + (1 - a);
  let c = 1;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    a2nMinus1 = x * a2n + c * a2nMinus1;
    b2nMinus1 = x * b2n + c * b2nMinus1;
    const odd = a2nMinus1 / b2nMinus1;
    c += 1;
    a2n = a2nMinus1 + (c - a) * a2n;
    b2n = b2nMinus1 + (c - a) * b2n;
    const even = a2n / b2n;
    if (Math.abs(even - odd) <= CONVERGED * even) break;
    // Rescale now and then: the numerators and denominators grow like a factorial.
    if (b2n > 1e100) {
      a2nMinus1 *= 1e-100;
      a2n *= 1e-100;
      b2nMinus1 *= 1e-100;
      b2n *= 1e-100;
    }
  }
  return a2n / b2n;
}

/** Relative change below which a sequence of convergents counts as settled: two units in the last place. */
const CONVERGED = 2 * Number.EPSILON;

/** Terms of TOMS 708's asymptotic series in `bgrat`; R's version stops at 30, which it never reaches. */
const ASYMPTOTIC_TERMS = 30;

/**
 * I_x(a, b) for a ≥ 15 and b ≤ 1 by the asymptotic expansion of TOMS 708's `bgrat` (Didonato and
 * Morris 1992, §9): with T = a + (b − 1)/2 and u = −T·ln x (their 9.1), I_x(a, b) = M·Σₙ pₙ·Jₙ,
 * where M = Γ(a + b)/(Γ(a)·T^b)·e^(−u)·u^b/Γ(b) (9.2, times the r of incompleteGammaQOverR),
 * J₀ = Q(b, u)/r, and Jₙ and pₙ follow by recurrences in n (the `j`, `c` and `d` of the code,
 * as in R). Its terms fall like (ln x)²/(4T²), so it is fastest where the
 * continued fraction is slowest: a huge, x near the mean 1 − b/a (the t distribution at large
 * degrees of freedom, whose shapes are ν/2 and ½). Follows R's src/nmath/toms708.c, which works
 * with ln r and Q/r so that nothing underflows before the end. `partial` is a known part of the
 * sum this is added to (TOMS 708's w), against which the series' convergence is judged.
 */
function asymptoticBeta(a: number, b: number, x: number, y: number, partial = 0): number {
  const bMinus1 = b - 1;
  const nu = a + bMinus1 / 2;
  const logX = y > 0.375 ? Math.log(x) : Math.log1p(-y);
  const z = -nu * logX;
  // Only for subnormal x or b could this underflow; the caller then uses the continued fraction.
  if (!(b * z > 0)) return NaN;
  // ln r, r = e^(−z)·z^b/Γ(b); ln(b/Γ(b + 1)) = −ln Γ(b) without the pole at b → 0.
  const logR = Math.log(b) + Math.log1p(reciprocalGammaOnePlusMinusOne(b)) + b * Math.log(z) + nu * logX;
  // ln M = ln r − ln(Γ(a)/Γ(a + b)) − b·ln T: the factor taken out of the series.
  const logM = logR - (logGammaRatio(b, a) + b * Math.log(nu));
  const partialOverM = partial === 0 ? 0 : Math.exp(Math.log(partial) - logM);
  const v = 0.25 / (nu * nu);
  const squaredHalfLogX = 0.25 * logX * logX;
  const c: number[] = [];
  const d: number[] = [];
  let j = incompleteGammaQOverR(b, z, logR);
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  for (let n = 1; n <= ASYMPTOTIC_TERMS; n++) {
    const bPlus2n = b + n2;
    j = (bPlus2n * (bPlus2n + 1) * j + (z + bPlus2n + 1) * t) * v;
    n2 += 2;
    t *= squaredHalfLogX;
    cn /= n2 * (n2 + 1);
    c.push(cn);
    let s = 0;
    let coefficient = b - n;
    for (let i = 1; i < n; i++) {
      s += coefficient * (c[i - 1] as number) * (d[n - 1 - i] as number);
      coefficient += b;
    }
    d.push(bMinus1 * cn + s / n);
    const term = (d[n - 1] as number) * j;
    sum += term;
    // R's version reports a sum that is not positive as an error ("should not happen").
    if (!(sum > 0)) return NaN;
    if (Math.abs(term) <= EPSILON * (sum + partialOverM)) break;
  }
  return Math.exp(logM + Math.log(sum));
}

/**
 * I_x(a, b) − I_x(a + n, b) for a whole n ≥ 1 (TOMS 708's `bup`): the first n terms of
 * I_x(a, b) = x^a·y^b/(a·B(a, b))·Σᵢ (a + b)ᵢ/(a + 1)ᵢ·x^i (DLMF 8.17.8; the recurrence
 * I_x(a, b) − I_x(a + 1, b) = x^a·y^b/(a·B(a, b)) of DLMF §8.17(iv), applied n times). The front factor
 * is taken in logarithms and the sum rescaled as it grows, where TOMS 708 scales by e^(−709).
 */
function betaFiniteSum(a: number, b: number, x: number, y: number, n: number): number {
  const logFront = logBetaFront(a, b, x, y) - Math.log(a);
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let i = 0; i < n - 1; i++) {
    term *= ((a + b + i) / (a + 1 + i)) * x;
    sum += term;
    if (sum > 1e250) {
      term *= 1e-250;
      sum *= 1e-250;
      logScale += 250 * Math.LN10;
    }
    // Past the largest term (the ratio has fallen below 1), stop once the rest cannot count.
    if ((a + b + i) * x < a + 1 + i && term <= EPSILON * sum) break;
  }
  return Math.exp(logFront + Math.log(sum) + logScale);
}

/**
 * x − ln(1 + x) for x > −1 without cancellation near 0 (TOMS 708's `rlog1`): with r = x/(2 + x),
 * ln(1 + x) = 2·artanh r = 2(r + r³/3 + r⁵/5 + …) and x − 2r = x·r, so
 * x − ln(1 + x) = x·r − 2r³(1/3 + r²/5 + r⁴/7 + …), a series of positive terms in r² ≤ 0.05.
 */
function xMinusLog1p(x: number): number {
  if (x < -0.39 || x > 0.57) return x - Math.log1p(x);
  const r = x / (2 + x);
  const square = r * r;
  let power = 1;
  let series = 0;
  for (let k = 3; k < 60; k += 2) {
    const term = power / k;
    series += term;
    if (term < EPSILON * series) break;
    power *= square;
  }
  return x * r - 2 * r * square * series;
}

/**
 * x^a·y^b/B(a, b), the front factor of the incomplete beta (TOMS 708's `brcomp`). For a, b ≥ 8 it
 * is written about the mean x₀ = a/(a + b) with λ = a − (a + b)·x, as
 * √(b·x₀/(2π))·exp(−a·φ(−λ/a) − b·φ(λ/b) − δ(a) − δ(b) + δ(a + b)), φ(t) = t − ln(1 + t) and δ the
 * Stirling correction, so that shapes of 1e12 lose nothing to a·ln x and ln B(a, b) cancelling;
 * otherwise exp(a·ln x + b·ln y − ln B(a, b)).
 */
function betaFront(a: number, b: number, x: number, y: number): number {
  if (Math.min(a, b) < 8) return Math.exp(logBetaFront(a, b, x, y));
  // The mean x₀ and 1 − x₀, each computed directly.
  let x0: number;
  let y0: number;
  let lambda: number;
  if (a <= b) {
    const h = a / b;
    x0 = h / (h + 1);
    y0 = 1 / (h + 1);
    lambda = a - (a + b) * x;
  } else {
    const h = b / a;
    x0 = 1 / (h + 1);
    y0 = h / (h + 1);
    lambda = (a + b) * y - b;
  }
  const u = Math.abs(lambda / a) > 0.6 ? -lambda / a - Math.log(x / x0) : xMinusLog1p(-lambda / a);
  const v = Math.abs(lambda / b) > 0.6 ? lambda / b - Math.log(y / y0) : xMinusLog1p(lambda / b);
  const correction = stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(a + b);
  return Math.sqrt((b * x0) / (2 * Math.PI)) * Math.exp(-(a * u + b * v) - correction);
}

/**
 * I_x(a, b) for a, b > 1 and x below the mean (λ = (a + b)·y − b ≥ 0), by the continued fraction
 * of TOMS 708's `bfrac` (Didonato and Morris 1992): a fraction for I_x(a, b)/(x^a·y^b/B(a, b))
 * whose steps are written in λ and y, so that x near 1 (a shape of 1e12 beside one of 100) keeps
 * the digits of 1 − x that Numerical Recipes' form loses.
 */
function betaFraction(a: number, b: number, x: number, y: number, lambda: number): number {
  const front = betaFront(a, b, x, y);
  if (front === 0 || !Number.isFinite(lambda)) return front;
  const c = lambda + 1;
  const c0 = b / a;
  const c1 = 1 / a + 1;
  const yPlus1 = y + 1;
  let p = 1;
  let s = a + 1;
  let an = 0;
  let bn = 1;
  let anPlus1 = 1;
  let bnPlus1 = c / c1;
  let r = c1 / c;
  for (let n = 1; n <= 10000; n++) {
    let t = n / a;
    const w = n * (b - n) * x;
    let e = a / s;
    const alpha = p * (p + c0) * e * e * (w * x);
    e = (t + 1) / (c1 + t + t);
    const beta = n + w / s + e * (c + n * yPlus1);
    p = t + 1;
    s += 2;
    t = alpha * an + beta * anPlus1;
    an = anPlus1;
    anPlus1 = t;
    t = alpha * bn + beta * bnPlus1;
    bn = bnPlus1;
    bnPlus1 = t;
    const previous = r;
    r = anPlus1 / bnPlus1;
    if (Math.abs(r - previous) <= CONVERGED * r) break;
    // Rescale, as TOMS 708 does after every step.
    an /= bnPlus1;
    bn /= bnPlus1;
    anPlus1 = r;
    bnPlus1 = 1;
  }
  return front * r;
}

/** Terms of TOMS 708's `basym` series (its num = 20; it must be even). */
const BASYM_TERMS = 20;

/**
 * I_x(a, b) for a, b ≥ 15 near the mean, λ = (a + b)·y − b ≥ 0, by the asymptotic expansion of
 * TOMS 708's `basym` (Didonato and Morris 1992), uniform in the error function: its leading term
 * is ½·erfc(√f) with f = a·φ(−λ/a) + b·φ(λ/b), φ(t) = t − ln(1 + t), and the corrections are a
 * series in powers of 1/√min(a, b).
 */
function betaUniformExpansion(a: number, b: number, lambda: number): number {
  const e0 = 2 / Math.sqrt(Math.PI);
  const e1 = Math.SQRT1_2 / 2; // 2^(−3/2)
  const f = a * xMinusLog1p(-lambda / a) + b * xMinusLog1p(lambda / b);
  const t = Math.exp(-f);
  if (t === 0) return 0;
  const z0 = Math.sqrt(f);
  const z = (z0 / e1) * 0.5;
  const z2 = f + f;
  let h: number;
  let r1: number;
  let w0: number;
  if (a < b) {
    h = a / b;
    r1 = (b - a) / b;
    w0 = 1 / Math.sqrt(a * (h + 1));
  } else {
    h = b / a;
    r1 = (b - a) / a;
    w0 = 1 / Math.sqrt(b * (h + 1));
  }
  const r0 = 1 / (h + 1);
  const a0: number[] = new Array<number>(BASYM_TERMS + 1).fill(0);
  const b0: number[] = new Array<number>(BASYM_TERMS + 1).fill(0);
  const c: number[] = new Array<number>(BASYM_TERMS + 1).fill(0);
  const d: number[] = new Array<number>(BASYM_TERMS + 1).fill(0);
  a0[0] = (r1 * 2) / 3;
  c[0] = -0.5 * a0[0];
  d[0] = -c[0];
  // e^(z0²)·erfc(z0) = e^f·Q(½, f), from Q/r with r = e^(−f)·√f/Γ(½).
  const scaledErfc = f === 0 ? 1 : (incompleteGammaQOverR(0.5, f, -f + 0.5 * Math.log(f) - 0.5 * Math.log(Math.PI)) * Math.sqrt(f)) / Math.sqrt(Math.PI);
  let j0 = (0.5 / e0) * scaledErfc;
  let j1 = e1;
  let sum = j0 + d[0] * w0 * j1;
  let s = 1;
  const h2 = h * h;
  let hn = 1;
  let w = w0;
  let znm1 = z;
  let zn = z2;
  for (let n = 2; n <= BASYM_TERMS; n += 2) {
    hn *= h2;
    a0[n - 1] = (r0 * 2 * (h * hn + 1)) / (n + 2);
    const np1 = n + 1;
    s += hn;
    a0[np1 - 1] = (r1 * 2 * s) / (n + 3);
    for (let i = n; i <= np1; i++) {
      const r = (i + 1) * -0.5;
      b0[0] = r * (a0[0] as number);
      for (let m = 2; m <= i; m++) {
        let bsum = 0;
        for (let j = 1; j <= m - 1; j++) bsum += (j * r - (m - j)) * (a0[j - 1] as number) * (b0[m - j - 1] as number);
        b0[m - 1] = r * (a0[m - 1] as number) + bsum / m;
      }
      c[i - 1] = (b0[i - 1] as number) / (i + 1);
      let dsum = 0;
      for (let j = 1; j <= i - 1; j++) dsum += (d[i - j - 1] as number) * (c[j - 1] as number);
      d[i - 1] = -(dsum + (c[i - 1] as number));
    }
    j0 = e1 * znm1 + (n - 1) * j0;
    j1 = e1 * zn + n * j1;
    znm1 *= z2;
    zn *= z2;
    w *= w0;
    const t0 = (d[n - 1] as number) * w * j0;
    w *= w0;
    const t1 = (d[np1 - 1] as number) * w * j1;
    sum += t0 + t1;
    if (Math.abs(t0) + Math.abs(t1) <= EPSILON * sum) break;
  }
  const correction = stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(a + b);
  return e0 * t * Math.exp(-correction) * sum;
}

/**
 * I_x(a, b) by the methods of TOMS 708's `bratio` (Didonato and Morris 1992, as in R's
 * src/nmath/toms708.c), following its choice among them; undefined where bratio takes its power
 * series `bpser` (x far below the mean, or both shapes small), where the continued fraction of
 * regularizedBeta converges as fast.
 *
 * - One shape at most 1: with x₀ = min(x, y) and the shapes a₀, b₀ taken with it, the complement
 *   I_{y₀}(b₀, a₀) = 1 − I_{x₀}(a₀, b₀) by the asymptotic expansion `bgrat` (after 20 steps of the
 *   finite sum `bup` when b₀ ≤ 15). This is the t distribution's case: shapes ν/2 and ½.
 * - Both shapes above 1, taken so that x₀ lies below the mean (λ = a₀ − (a₀ + b₀)·x₀ ≥ 0): for
 *   b₀ ≥ 40, the expansion `basym` near the mean of two shapes above 100 (λ ≤ 0.03 of the
 *   smaller), else the continued fraction `bfrac`; for b₀ < 40 and b₀·x₀ > 0.7, b₀ is reduced to
 *   its fractional part f by `bup` (I_{x₀}(a₀, b₀) = I_{x₀}(a₀, f) + I_{y₀}(f, a₀) − I_{y₀}(f + n, a₀))
 *   and I_{x₀}(a₀, f) found by the continued fraction (bratio: `bpser`) when x₀ ≤ 0.7, else by
 *   `bgrat` (after 20 more steps of `bup` when a₀ ≤ 15).
 *
 * Tolerances are tighter than R's (1e-16 relative where it uses 1e-15 to 1.5e-14), and the
 * incomplete gamma ratio for b = ½ comes from the general series and continued fraction rather
 * than R's rational approximations of erfc.
 */
function bratioExpansions(x: number, a: number, b: number, y: number): number | undefined {
  if (Math.min(a, b) <= 1) {
    const swap = x > 0.5;
    const [a0, b0, x0, y0] = swap ? [b, a, y, x] : [a, b, x, y];
    // Where bratio takes its power series, the continued fraction converges as fast.
    const powerSeries =
      Math.max(a0, b0) > 1
        ? b0 <= 1 || x0 >= 0.29 || (x0 < 0.1 && Math.pow(x0 * b0, a0) <= 0.7)
        : a0 >= Math.min(0.2, b0) || Math.pow(x0, a0) <= 0.9 || x0 >= 0.3;
    if (powerSeries) return undefined;
    // The complement I_{y₀}(b₀, a₀) by bgrat, after 20 steps of bup when b₀ ≤ 15.
    let complement = 0;
    let shape = b0;
    if (shape <= 15) {
      complement = betaFiniteSum(shape, a0, y0, x0, 20);
      shape += 20;
    }
    const rest = asymptoticBeta(shape, a0, y0, x0, complement);
    if (Number.isNaN(rest)) return undefined;
    complement += rest;
    // The upper tail of the original when not swapped, the lower when swapped.
    return swap ? complement : 1 - complement;
  }
  // λ in its form without cancellation (bratio, L30).
  const lambda = a > b ? (a + b) * y - b : a - (a + b) * x;
  const swap = lambda < 0;
  const [a0, b0, x0, y0] = swap ? [b, a, y, x] : [a, b, x, y];
  const distance = Math.abs(lambda);
  if (b0 >= 40) {
    // bratio: basym near the mean of two large shapes, bfrac elsewhere.
    const nearMean = a0 > b0 ? b0 > 100 && distance <= 0.03 * b0 : a0 > 100 && distance <= 0.03 * a0;
    const w = nearMean ? betaUniformExpansion(a0, b0, distance) : betaFraction(a0, b0, x0, y0, distance);
    return swap ? 1 - w : w;
  }
  // bratio's power series (here the continued fraction) for b₀·x₀ ≤ 0.7.
  if (b0 * x0 <= 0.7) return undefined;
  // bratio, L140: b₀ = n + f with 0 < f ≤ 1.
  let n = Math.floor(b0);
  let f = b0 - n;
  if (f === 0) {
    n -= 1;
    f = 1;
  }
  let w = betaFiniteSum(f, a0, y0, x0, n);
  if (x0 <= 0.7) w += regularizedBeta(x0, a0, f, y0);
  else {
    let shape = a0;
    if (shape <= 15) {
      w += betaFiniteSum(shape, f, x0, y0, 20);
      shape += 20;
    }
    const rest = asymptoticBeta(shape, f, x0, y0, w);
    if (Number.isNaN(rest)) return undefined;
    w += rest;
  }
  return swap ? 1 - w : w;
}

/**
 * The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. Give `y = 1 − x`
 * when it is known more exactly than 1 − x can be computed (x near 1: the t distribution at large
 * degrees of freedom), so that nothing loses it.
 *
 * TOMS 708's methods where its `bratio` has a special one (see bratioExpansions: shapes far apart,
 * or both large near the mean), elsewhere the continued fraction (Numerical Recipes §6.4). Tested
 * (test/stats/precision.test.ts) against R's pbeta, which is TOMS 708, on the smaller of I and
 * 1 − I at 457 random points with shapes from 1e-3 to 1e12 and values down to 1e-250
 * (test/reference/r/pbeta.R): within 1e-12 relative, the worst 4.3e-13 (a value of 1e-192, whose
 * x^a front factor alone is conditioned to about that); and with mpmath through the t and beta
 * quantiles of test/reference/distributionEdges.json.
 */
export function regularizedBeta(x: number, a: number, b: number, y: number = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const expansion = bratioExpansions(x, a, b, y);
  if (expansion !== undefined) return expansion;
  const front = Math.exp(logBetaFront(a, b, x, y));
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
 * The arguments of the t distribution's incomplete beta, x = ν/(ν + t²) and y = t²/(ν + t²), each
 * computed directly so that neither is 1 minus the other; beyond |t| = 1e150, where t² would
 * overflow, from r = √ν/|t| as r²/(1 + r²) and 1/(1 + r²).
 */
function tBetaArguments(t: number, nu: number): { readonly x: number; readonly y: number } {
  if (Math.abs(t) < 1e150) {
    const square = t * t;
    return { x: nu / (nu + square), y: square / (nu + square) };
  }
  const ratio = Math.sqrt(nu) / Math.abs(t);
  const square = ratio * ratio;
  return { x: square / (1 + square), y: 1 / (1 + square) };
}

/** Beyond |t| = 1e100·√ν (x = ν/(ν + t²) below 1e-200) the t distribution's tail is its leading term. */
const FAR_TAIL = 1e100;

/**
 * The tail P(T ≤ −|t|) = ½·I_x(ν/2, ½), x = ν/(ν + t²), of Student's t with ν degrees of freedom.
 * Beyond |t| = 1e100·√ν, where x may be below the smallest double (a fraction of a degree of
 * freedom keeps a tail of 0.25 at |t| = 1e299), it is the first term of the series
 * I_x(a, b) = x^a·(1 − x)^b/(a·B(a, b))·₂F₁(a + b, 1; a + 1; x) (DLMF 8.17.8), taken in logarithms
 * with ln x = ln ν − 2·ln|t|: the next term is below 1e-200 of it.
 */
export function tTail(t: number, nu: number): number {
  const a = nu / 2;
  if (Math.abs(t) > FAR_TAIL * Math.sqrt(nu)) {
    return 0.5 * Math.exp(a * (Math.log(nu) - 2 * Math.log(Math.abs(t))) - Math.log(a) - logBeta(a, 0.5));
  }
  const { x, y } = tBetaArguments(t, nu);
  return 0.5 * regularizedBeta(x, a, 0.5, y);
}

/** The central probability P(|T| ≤ |t|) = I_y(½, ν/2), y = t²/(ν + t²), of Student's t with ν degrees of freedom. */
export function tCentral(t: number, nu: number): number {
  if (Math.abs(t) > FAR_TAIL * Math.sqrt(nu)) return 1 - 2 * tTail(t, nu);
  const { x, y } = tBetaArguments(t, nu);
  return regularizedBeta(y, 0.5, nu / 2, x);
}

/**
 * P(T ≤ t) for Student's t with ν degrees of freedom, without cancellation anywhere: the tail
 * ½·I_x(ν/2, ½) where it is small, and the central part ½·I_y(½, ν/2) where the probability is
 * near ½ (t near 0, or ν large, where x is within rounding of 1). At large ν the incomplete beta
 * is TOMS 708's asymptotic expansion, which holds to the largest ν (1e15 is tested), so no normal
 * limit is needed.
 */
export function tDistribution(t: number, nu: number): number {
  const central = tCentral(t, nu);
  if (central < 0.5) return t < 0 ? 0.5 - 0.5 * central : 0.5 + 0.5 * central;
  const tail = tTail(t, nu);
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

"""Reference values for Student's t and the beta quantile at the edges of their range (issue 10),
computed with mpmath at 50 significant digits, independently of TOMS 708 and of cx-metrics.

Run: python3 test/reference/mpmath/distributionEdges.py > test/reference/distributionEdges.json
(mpmath 1.3; a few minutes on one core).

Every input is a double and is used exactly; every output is rounded once to the nearest double.

The incomplete beta is summed from its hypergeometric series with positive terms (DLMF 8.17.8),

    I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * sum_n (a + b)_n / (a + 1)_n x^n,

in x or in 1 - x (I_{1-x}(b, a) = 1 - I_x(a, b)), whichever converges in fewer terms. A side that
is only had as 1 minus the other is recomputed with as many more digits as it is small, so each
side is right to 50 digits however far out in the tail it is. For two large shapes near the mean
(both series too long) the integral of the density is taken by tanh-sinh quadrature instead,
in pieces over which the density changes by at most e^2, scaled to 1 at x (mpmath's quad stops
on an absolute error: unscaled, a tail of 1e-300 came out 5e-5 off). Checked by hand for
Beta(5e8, 5e8 + 1) at 37 standard deviations out against the binomial sum
I_x(a, b) = P(Bin(a + b - 1, x) >= a) and against the series, which agree to 20 digits.

For Student's t, P(T <= -|t|) = I_x(nu/2, 1/2) / 2 and P(|T| <= |t|) = I_y(1/2, nu/2), with
x = nu / (nu + t^2) and y = t^2 / (nu + t^2) each computed directly (neither as 1 minus the other).
Quantiles are roots of ln(tail) = ln(target), or near the median of ln(central) = ln(2p - 1), found
in ln t by Newton's method safeguarded by bisection, to 1e-40.
"""
import functools
import json
import math
import sys

import mpmath as mp

DIGITS = 50
HALF = mp.mpf(1) / 2
MAX_TERMS = 30_000


def terms_needed(z, a, b, digits):
    """How many terms the series of I_z(a, b) takes until its terms fall below 10^-digits of the
    sum: a float walk over the term ratio r(n) = (a + b + n) z / (a + 1 + n), in growing steps once
    the terms fall (an estimate; the summation itself stops on the real terms)."""
    z, a, b = float(z), float(a), float(b)
    if z <= 0:
        return 1
    if z >= 1:
        return float('inf')
    n = max(0.0, ((a + b) * z - a - 1) / (1 - z))  # the largest term
    if n > MAX_TERMS:
        return n
    fallen, step, target = 0.0, 1.0, digits * 2.302585092994046
    while fallen < target:
        ratio = (a + b + n) * z / (a + 1 + n)
        if ratio <= 0:
            return n + 1
        fallen += -math.log(ratio) * step if ratio < 1 else 0.0
        n += step
        step = min(2 * step, max(1.0, n / 16))
        if n > MAX_TERMS:
            return n
    return n


@functools.lru_cache(maxsize=None)
def log_beta(a, b, digits):
    """ln B(a, b) at `digits` digits (remembered: the root searches ask for the same shapes often,
    and mpmath's log-gamma of 1e12 at hundreds of digits is slow)."""
    with mp.workdps(digits):
        return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def series(z, w, a, b):
    """I_z(a, b) with w = 1 - z, by DLMF 8.17.8, to the working precision."""
    log_front = a * mp.log(z) + b * mp.log(w) - mp.log(a) - log_beta(a, b, mp.mp.dps)
    # z carries hundreds of digits for the front factor (a shape of 1e15 multiplies its error);
    # the terms need only the working precision.
    z = +z
    term = total = mp.mpf(1)
    eps = mp.mpf(10) ** (-mp.mp.dps - 2)
    n = 0
    while True:
        term *= (a + b + n) / (a + 1 + n) * z
        total += term
        n += 1
        if term < total * eps and (a + b + n) * z < (a + 1 + n):
            return mp.exp(log_front) * total


def quadrature(x, a, b):
    """(I_x(a, b), 1 - I_x(a, b)) for two large shapes: the density integrated by tanh-sinh from x
    away from the mean, in pieces over each of which the density falls by about e^2 (or one
    standard deviation near the mode), until it is e^-175 of its value at x, where the rest is
    below 1e-70 of the integral. None beyond 60 standard deviations."""
    mean = a / (a + b)
    sd = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    if abs(x - mean) > 60 * sd:
        return None
    front = log_beta(a, b, mp.mp.dps)
    log_density = lambda s: (a - 1) * mp.log(s) + (b - 1) * mp.log1p(-s) - front
    direction = -1 if x <= mean else 1
    points = [x]
    top = log_density(x)
    s = x
    while top - log_density(s) < 175:
        slope = abs((a - 1) / s - (b - 1) / (1 - s))
        s = s + direction * min(sd, 2 / slope)
        if s <= 0 or s >= 1:
            s = mp.mpf(0) if s <= 0 else mp.mpf(1)
            points.append(s)
            break
        points.append(s)
    # mpmath's quad stops on an absolute error of 10^-dps: the integrand is scaled to 1 at x, so
    # that a side of 1e-300 is not taken as converged at 1e-305.
    side = mp.exp(top) * abs(mp.quad(lambda s: mp.exp(log_density(s) - top), points))
    return (side, 1 - side) if x <= mean else (1 - side, side)


def incomplete_beta(x, y, a, b):
    """(I_x(a, b), 1 - I_x(a, b)), each to DIGITS significant digits; x and y = 1 - x are given
    apart, so that either may be far below the working precision. None where one side is below
    1e-780, so far out that no value asked for is there (the caller knows which side from x)."""
    work = DIGITS + 15
    while True:
        with mp.workdps(work):
            nx, ny = terms_needed(x, a, b, work), terms_needed(y, b, a, work)
            if min(nx, ny) > MAX_TERMS:
                return quadrature(x, a, b) if min(a, b) >= 1000 else None
            if nx <= ny:
                w = series(x, y, a, b)
                w1 = 1 - w
                derived = w1
            else:
                w1 = series(y, x, b, a)
                w = 1 - w1
                derived = w
            if derived > mp.mpf(10) ** (DIGITS + 10 - work):
                return +w, +w1
            if work > 900:  # the side found as 1 minus the other is below 1e-800
                return None
            work = int(work - mp.log10(derived)) + 10 if derived > 0 else 2 * work


def t_arguments(t, nu):
    """x = nu / (nu + t^2) and y = t^2 / (nu + t^2), to 300 digits (t^2 and nu + t^2 are exact)."""
    with mp.workdps(1200):
        t2 = mp.mpf(t) ** 2
        total = nu + t2
        return +(nu / total), +(t2 / total)


def t_parts(t, nu):
    """(tail, central) = (P(T <= -|t|), P(|T| <= |t|)), or None beyond 1e-780 in the tail."""
    x, y = t_arguments(t, nu)
    pair = incomplete_beta(x, y, nu / 2, HALF)
    if pair is None:
        return None
    w, w1 = pair
    return w / 2, w1


def t_log_density(t, nu):
    return -log_beta(nu / 2, HALF, mp.mp.dps) - mp.log(nu) / 2 - (nu + 1) / 2 * mp.log1p(t * t / nu)


def solve(g, low, high):
    """The root of g(u) = (value, derivative), value increasing in u, on [low, high]: Newton
    safeguarded by bisection (Numerical Recipes' rtsafe), to 1e-40 in u. g may return None for
    'far beyond the root on the high side'."""
    u = (low + high) / 2 if low > -50 or high < 50 else mp.mpf(0)
    step_before = step = high - low
    for _ in range(5000):
        result = g(u)
        if result is None:
            value, slope = mp.mpf(1), mp.mpf(0)
        else:
            value, slope = result
        if value == 0:
            return u
        if value > 0:
            high = u
        else:
            low = u
        if slope == 0 or ((u - high) * slope - value) * ((u - low) * slope - value) > 0 or abs(2 * value) > abs(step_before * slope):
            step_before, step = step, (high - low) / 2
            u = low + step
        else:
            step_before, step = step, value / slope
            u = u - step
        if abs(step) < mp.mpf(10) ** -40 or high - low < mp.mpf(10) ** -44:
            return u
    raise RuntimeError('solve: no convergence')


def t_quantile(p, nu):
    """t with P(T <= t) = p (None beyond the largest double), solved in ln|t|."""
    p, nu = mp.mpf(p), mp.mpf(nu)
    if p == HALF:
        return mp.mpf(0)
    tail_target = min(p, 1 - p)
    central_target = abs(2 * p - 1)
    near_median = central_target < HALF
    edge = t_parts(mp.mpf('1.7976931348623157e308'), nu)
    if edge is not None and edge[0] > tail_target:
        return None

    def g(u):
        t = mp.exp(u)
        parts = t_parts(t, nu)
        if parts is None:  # beyond 1e-780 in the tail: t is far above the root
            return None
        tail, central = parts
        density = mp.exp(t_log_density(t, nu))
        if near_median:
            return mp.log(central) - mp.log(central_target), 2 * density * t / central
        return mp.log(tail_target) - mp.log(tail), density * t / tail

    t = mp.exp(solve(g, mp.mpf(-700), mp.mpf(710)))
    return t if p > HALF else -t


def beta_quantile(p, a, b):
    """x with I_x(a, b) = p, solved in ln x when the root is at most 1/2, else in ln(1 - x); the
    equation is written in min(p, 1 - p), matched against the side of the incomplete beta that
    holds it."""
    p, a, b = mp.mpf(p), mp.mpf(a), mp.mpf(b)
    q = 1 - p  # exact when it is at most 1/2 (p a double); only then is it a goal below
    w_half, _ = incomplete_beta(HALF, HALF, a, b)
    lower = w_half >= p  # the root is at most 1/2
    shape_a, shape_b = (a, b) if lower else (b, a)
    # s = x (lower) or 1 - x; I_s(shape_a, shape_b) = w rises in s, w1 = 1 - w falls; their targets:
    w_target, w1_target = (p, q) if lower else (q, p)
    use_w = w_target <= HALF
    goal = w_target if use_w else w1_target

    def g(u):
        with mp.workdps(1200):
            s = mp.exp(u)
            complement = -mp.expm1(u)
        pair = incomplete_beta(s, complement, shape_a, shape_b)
        if pair is None:  # far from the mean of two large shapes: on the side of the mean
            above = s > shape_a / (shape_a + shape_b)
            return None if above else (mp.mpf(-1), mp.mpf(0))
        w, w1 = pair
        density = mp.exp(shape_a * u + (shape_b - 1) * mp.log1p(-s) - log_beta(shape_a, shape_b, mp.mp.dps))  # s times the density
        if use_w:
            return mp.log(w) - mp.log(goal), density / w
        return mp.log(goal) - mp.log(w1), density / w1

    s = mp.exp(solve(g, mp.mpf(-745 * 2), -mp.log(2)))
    return s if lower else 1 - s


def check_t_cdf(t, nu, tail):
    """mpmath's own betainc (its hypergeometric routines) at 120 digits, where it finishes: the
    relative difference from our tail, or None."""
    try:
        with mp.workdps(120):
            x, _ = t_arguments(t, nu)
            other = mp.betainc(mp.mpf(nu) / 2, HALF, 0, x, regularized=True) / 2
        return abs(other / tail - 1)
    except Exception:
        return None


DEGREES = [1e-3, 0.1, 1, 3, 30, 1e3, 1e4, 1e5, 3e5, 1e6, 3e6, 1e7, 3e7, 1e8, 3e8, 1e9, 1e10, 1e12, 1e15]
TAILS = [1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.025, 0.1, 0.25, 0.4, 0.5 - 1e-6, 0.5 - 1e-12]
PROBABILITIES = TAILS + [0.5 + 1e-12, 0.5 + 1e-6, 0.6, 0.9, 0.975, 0.999]
SHAPES = [
    (0.5, 1e9), (1, 1e9), (1, 1e12), (0.2, 1e6), (0.9, 1e15), (1e9, 0.5), (1e12, 1), (2, 1e12), (20, 1e12), (20.5, 1e9),
    (100, 1e10), (1e3, 1e9), (0.5, 30), (15.5, 0.7), (1e-3, 1e5), (5e8, 5e8 + 1), (1e6, 1e9), (5e11, 5e11 + 1),
]
BETA_PROBABILITIES = [1e-300, 1e-100, 1e-10, 0.025, 0.5, 0.975, 1 - 1e-10]


def main():
    mp.mp.dps = DIGITS
    cdf, quantile, beta = [], [], []
    worst_check, checked = mp.mpf(0), 0
    for nu in DEGREES:
        for p in PROBABILITIES:
            t = t_quantile(p, nu)
            if t is None:  # beyond the largest double (a fraction of a degree of freedom)
                continue
            quantile.append({'p': p, 'df': nu, 't': float(t)})
            t = float(t)
            if t == 0:
                continue
            tail, _ = t_parts(mp.mpf(t), mp.mpf(nu))
            cdf.append({'t': t, 'df': nu, 'p': float(tail if t < 0 else 1 - tail)})
            if nu <= 1e4:
                check = check_t_cdf(t, nu, tail)
                if check is not None:
                    checked += 1
                    worst_check = max(worst_check, check)
                    if check > mp.mpf(10) ** -40:
                        raise RuntimeError('t CDF disagrees with betainc at t=%r df=%r: %s' % (t, nu, check))
        print('df', nu, file=sys.stderr, flush=True)
    for a, b in SHAPES:
        for p in BETA_PROBABILITIES:
            x = beta_quantile(p, a, b)
            beta.append({'p': p, 'a': a, 'b': b, 'x': float(x)})
        print('shapes', a, b, file=sys.stderr, flush=True)
    about = (
        "Student's t and beta quantiles at the edges of their range (issue 10), computed with mpmath %s at %d digits by "
        "test/reference/mpmath/distributionEdges.py: the incomplete beta from its hypergeometric series with positive "
        "terms (DLMF 8.17.8), or by quadrature for two large shapes near the mean; independent of TOMS 708. %d of the "
        "studentTCDF values (df up to 1e4) agree with mpmath's betainc at 120 digits to %s. Inputs are exact doubles; "
        "outputs are rounded once. A quantile below the smallest double is given as 0."
    ) % (mp.__version__, DIGITS, checked, mp.nstr(worst_check, 2))
    out = sys.stdout
    out.write('{\n  "about": %s,\n' % json.dumps(about))
    for name, rows, last in (('studentTCDF', cdf, False), ('studentTQuantile', quantile, False), ('betaQuantile', beta, True)):
        out.write('  "%s": [\n' % name)
        out.write(',\n'.join('    ' + json.dumps(row) for row in rows))
        out.write('\n  ]%s\n' % ('' if last else ','))
    out.write('}\n')


if __name__ == '__main__':
    main()

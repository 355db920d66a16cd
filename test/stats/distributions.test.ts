import { describe, expect, test } from 'vitest';
import { betaQuantile, CxMetricsError, normalCDF, normalQuantile, studentTCDF, studentTQuantile } from 'cx-metrics';

describe('normalQuantile matches published percentage points', () => {
  // Abramowitz & Stegun, Handbook of Mathematical Functions, table 26.5 and eq. 26.2.23 (to 15
  // digits as printed by R's qnorm, which implements the same AS 241 algorithm).
  test.each([
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
    [0.995, 2.5758293035489004],
    [0.999, 3.090232306167813],
    [0.9999, 3.7190164854556804],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  test('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    for (const p of [0.001, 0.01, 0.2, 0.4]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 10);
  });

  test('refuses 0, 1 and non-numbers with a named error', () => {
    for (const p of [0, 1, -0.1, NaN, '0.5']) expect(() => normalQuantile(p as number)).toThrow(CxMetricsError);
    expect(() => normalQuantile(1)).toThrow(/normalQuantile: expected a probability strictly between 0 and 1, got 1/);
  });
});

describe('normalCDF matches published values', () => {
  // Abramowitz & Stegun table 26.1 (P(x) to 15 decimals) and its tail values.
  test.each([
    [0, 0.5],
    [1, 0.841344746068543],
    [1.96, 0.975002104851780],
    [2, 0.977249868051821],
    [3, 0.998650101968370],
    [-1, 0.158655253931457],
  ])('Φ(%d) = %d', (x, p) => {
    expect(normalCDF(x)).toBeCloseTo(p, 13);
  });

  test('keeps relative accuracy in the far tail: Φ(−10) = 7.619853024160527e−24', () => {
    expect(normalCDF(-10) / 7.619853024160527e-24).toBeCloseTo(1, 10);
  });

  test('inverts normalQuantile', () => {
    for (const p of [0.001, 0.05, 0.3, 0.5, 0.8, 0.999]) expect(normalCDF(normalQuantile(p))).toBeCloseTo(p, 14);
  });
});

describe('studentTQuantile matches the NIST table of critical values (e-Handbook §1.3.6.7.2)', () => {
  test.each([
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 5, 2.571],
    [0.975, 10, 2.228],
    [0.975, 30, 2.042],
    [0.975, 100, 1.984],
    [0.95, 10, 1.812],
    [0.99, 20, 2.528],
    [0.995, 5, 4.032],
    [0.9995, 10, 4.587],
  ])('t(%d; %d) = %d', (p, df, t) => {
    expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThanOrEqual(0.0005);
  });

  test('has closed forms for 1 and 2 degrees of freedom', () => {
    // ν = 1 is Cauchy: t = tan(π(p − ½)); ν = 2: t = (2p − 1)/√(2p(1 − p)).
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
    }
  });

  test('agrees with Simpson integration of the t density for ν = 5', () => {
    // f(x) = 8 / (3π√5) · (1 + x²/5)^−3, integrated from 0 to t with 200,000 panels.
    const density = (x: number): number => (8 / (3 * Math.PI * Math.sqrt(5))) * (1 + (x * x) / 5) ** -3;
    const t = studentTQuantile(0.975, 5);
    const panels = 200_000;
    const h = t / panels;
    let sum = 0;
    for (let i = 0; i <= panels; i++) sum += (i === 0 || i === panels ? 1 : i % 2 === 1 ? 4 : 2) * density(i * h);
    expect(0.5 + (sum * h) / 3).toBeCloseTo(0.975, 12);
  });

  test('approaches the normal quantile as the degrees of freedom grow', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959963984540054, 5);
  });

  test('is inverted by studentTCDF, for fractional degrees of freedom too', () => {
    for (const df of [0.5, 1.7, 4, 29.3]) {
      for (const p of [0.025, 0.3, 0.9]) expect(studentTCDF(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
  });
});

describe('betaQuantile', () => {
  test('matches closed forms: Beta(1, b) and Beta(a, 1)', () => {
    // I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a invert exactly.
    for (const p of [0.025, 0.5, 0.975]) {
      for (const shape of [1, 3, 20, 263]) {
        expect(betaQuantile(p, 1, shape)).toBeCloseTo(1 - (1 - p) ** (1 / shape), 13);
        expect(betaQuantile(p, shape, 1)).toBeCloseTo(p ** (1 / shape), 13);
      }
    }
  });

  test('is symmetric: B(p; a, b) = 1 − B(1 − p; b, a)', () => {
    expect(betaQuantile(0.1, 4, 9)).toBeCloseTo(1 - betaQuantile(0.9, 9, 4), 13);
  });

  test('refuses shapes that are not positive', () => {
    expect(() => betaQuantile(0.5, 0, 1)).toThrow(/betaQuantile: expected a shape greater than 0, got 0 at a/);
  });
});

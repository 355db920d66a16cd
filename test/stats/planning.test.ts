import { describe, expect, test } from 'vitest';
import { effectiveSampleSize, marginOfError, sampleSizeForNPS, sampleSizeForProportion } from 'cx-metrics';

const Z95 = 1.959963984540054;

describe('planning helpers', () => {
  test('sampleSizeForNPS is z²·Var/d² − 3 rounded up (Rocks 2016)', () => {
    expect(sampleSizeForNPS({ margin: 0.05 })).toBe(Math.ceil((Z95 * Z95) / 0.0025 - 3));
    expect(sampleSizeForNPS({ margin: 0.1, level: 0.9 })).toBe(Math.ceil((1.6448536269514722 ** 2) / 0.01 - 3));
    // Var for 40 % promoters, 25 % detractors: 0.65 − 0.15² = 0.6275
    expect(sampleSizeForNPS({ margin: 0.05, expected: { promoters: 0.4, detractors: 0.25 } })).toBe(Math.ceil((Z95 * Z95 * 0.6275) / 0.0025 - 3));
  });

  test('marginOfError for NPS inverts sampleSizeForNPS', () => {
    const n = sampleSizeForNPS({ margin: 0.07 });
    expect(marginOfError({ metric: 'nps', n })).toBeLessThanOrEqual(0.07);
    expect(marginOfError({ metric: 'nps', n: n - 1 })).toBeGreaterThan(0.07);
  });

  test('sampleSizeForProportion is z²·p(1 − p)/d² rounded up (Cochran 1977); the classic answer is 385', () => {
    expect(sampleSizeForProportion({ margin: 0.05 })).toBe(385);
    expect(sampleSizeForProportion({ margin: 0.05, proportion: 0.9 })).toBe(Math.ceil((Z95 * Z95 * 0.09) / 0.0025));
  });

  test('marginOfError for a mean uses the t quantile', () => {
    // t(0.975; 9) = 2.262157 (NIST table prints 2.262)
    expect(marginOfError({ metric: 'mean', n: 10, sd: 1.5 })).toBeCloseTo((2.262157 * 1.5) / Math.sqrt(10), 5);
  });

  test('refuses a margin given in points instead of a share', () => {
    expect(() => sampleSizeForNPS({ margin: 5 })).toThrow(/sampleSizeForNPS: expected a margin on the natural scale, in \(0, 2\]: 0.05 for ±5 points, got 5 at options.margin/);
    expect(() => sampleSizeForProportion({ margin: 0 })).toThrow(/options.margin/);
    expect(() => marginOfError({ metric: 'median' as never, n: 5 })).toThrow(/options.metric/);
  });

  test('effectiveSampleSize is (Σw)²/Σw² (Kish 1965), computed here by hand', () => {
    expect(effectiveSampleSize([2, 1, 1])).toBeCloseTo(16 / 6, 14);
    expect(effectiveSampleSize([0, 0])).toBe(0);
    expect(() => effectiveSampleSize([1, -1])).toThrow(/effectiveSampleSize: expected a weight of 0, or from 1e-100 to 1e\+100, got -1 at weights\[1\]/);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { adjustPValues, compareCES, compareCSAT, compareNPS, scales } from 'cx-metrics';

const nps = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 60 });
const five = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 60 });

describe('properties of comparisons', () => {
  test('compareX(a, b) = −compareX(b, a): difference, interval and statistic mirror, p-values agree', () => {
    fc.assert(
      fc.property(nps, nps, five, five, (a, b, c, d) => {
        for (const [x, y] of [
          [compareNPS(a, b), compareNPS(b, a)],
          [compareCSAT(c, d), compareCSAT(d, c)],
          [compareCES(c, d, { scale: scales.ces5 }), compareCES(d, c, { scale: scales.ces5 })],
        ] as const) {
          if (x.difference === undefined || y.difference === undefined) continue;
          expect(x.difference).toBeCloseTo(-y.difference, 9);
          expect(x.ci.lower).toBeCloseTo(-y.ci.upper, 9);
          expect(x.ci.upper).toBeCloseTo(-y.ci.lower, 9);
          expect(x.statistic).toBeCloseTo(-y.statistic, 9);
          expect(x.pValue).toBeCloseTo(y.pValue, 12);
        }
      }),
    );
  });

  test('identical samples give a difference of 0 and p = 1', () => {
    fc.assert(
      fc.property(nps, five, (a, c) => {
        for (const result of [compareNPS(a, a), compareCSAT(c, c), compareCES(c, c, { scale: scales.ces5 })]) {
          if (result.difference === undefined) continue;
          expect(result.difference).toBe(0);
          expect(result.pValue).toBe(1);
        }
      }),
    );
  });

  test('adjusted p-values are at least the raw ones, keep their order, and Holm is at least Benjamini–Hochberg', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), (p) => {
        const holm = adjustPValues(p, 'holm');
        const bh = adjustPValues(p, 'benjamini-hochberg');
        p.forEach((raw, i) => {
          expect(holm[i]).toBeGreaterThanOrEqual(raw);
          expect(bh[i]).toBeGreaterThanOrEqual(raw);
          expect(holm[i]).toBeGreaterThanOrEqual(bh[i] as number);
          expect(holm[i]).toBeLessThanOrEqual(1);
          p.forEach((other, j) => {
            if (raw <= other) {
              expect(holm[i]).toBeLessThanOrEqual(holm[j] as number);
              expect(bh[i]).toBeLessThanOrEqual(bh[j] as number);
            }
          });
        });
      }),
    );
  });
});

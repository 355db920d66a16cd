// normalQuantile, normalCDF and adjustPValues against R (test/reference/r/normalAndAdjust.R).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { adjustPValues, normalCDF, normalQuantile } from 'cx-metrics';

const reference = JSON.parse(readFileSync(new URL('../reference/normalAndAdjust.json', import.meta.url), 'utf8')) as {
  quantile: { p: number[]; z: number[] };
  cdf: { x: number[]; p: number[] };
  adjust: { p: number[]; holm: number[]; 'benjamini-hochberg': number[]; bonferroni: number[] };
};
const relative = (actual: number, expected: number): number => (expected === 0 ? Math.abs(actual) : Math.abs(actual / expected - 1));

describe('against R', () => {
  test('normalQuantile equals qnorm to 1e-15 relative, from 1e-300 to 1 − 1e-10', () => {
    reference.quantile.p.forEach((p, i) => {
      const expected = reference.quantile.z[i] as number;
      expect(relative(normalQuantile(p), expected), `p = ${p}`).toBeLessThanOrEqual(expected === 0 ? 0 : 1e-15);
    });
  });

  test('normalCDF equals pnorm to 2e-14 relative, tails to 1e-300 included', () => {
    reference.cdf.x.forEach((x, i) => {
      expect(relative(normalCDF(x), reference.cdf.p[i] as number), `x = ${x}`).toBeLessThanOrEqual(2e-14);
    });
  });

  test.each(['holm', 'benjamini-hochberg', 'bonferroni'] as const)('adjustPValues(%s) equals p.adjust to 1e-15', (method) => {
    const adjusted = adjustPValues(reference.adjust.p, method);
    adjusted.forEach((value, i) => expect(relative(value, reference.adjust[method][i] as number)).toBeLessThanOrEqual(1e-15));
  });
});

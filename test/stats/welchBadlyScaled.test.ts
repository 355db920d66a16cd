import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { tInterval, welchTTest } from '../../src/index.js';

// R's t.test on 1e6 + small noise (test/reference/r/welchBadlyScaled.R, values printed beside it).
const reference = JSON.parse(readFileSync(new URL('../reference/welchBadlyScaled.json', import.meta.url), 'utf8')) as {
  a: number[];
  b: number[];
  meanA: number;
  sdA: number;
  sdB: number;
  statistic: number;
  df: number;
  pValue: number;
};
const relative = (value: number, expected: number): number => Math.abs(value / expected - 1);

describe('badly scaled samples keep their digits (two-pass mean and variance)', () => {
  test("welchTTest on 1e6 + noise matches R's t.test to 1e-12 (a one-pass variance was 2e-7 off)", () => {
    const result = welchTTest(reference.a, reference.b);
    expect(relative(result.statistic as number, reference.statistic)).toBeLessThan(1e-12);
    expect(relative(result.df as number, reference.df)).toBeLessThan(1e-12);
    expect(relative(result.pValue as number, reference.pValue)).toBeLessThan(1e-10);
  });

  test("tInterval of the same sample is centred on R's mean", () => {
    const interval = tInterval(reference.a);
    expect(relative((interval.lower + interval.upper) / 2, reference.meanA)).toBeLessThan(1e-15);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { agrestiCoullInterval, effectiveSampleSize, newcombeInterval, npsInterval, npsVariance, tInterval, wilsonInterval } from 'cx-metrics';
import { copyReferencePath, reference, sharedReferencePath } from './support/reference.js';

// Every published value in the reference file, reproduced within the tolerance it states.
describe('published reference values (shared/reference/statistics.json)', () => {
  test('the copy in test/reference is the shared file, when the shared folder is beside the repo', () => {
    if (!existsSync(sharedReferencePath)) return;
    expect(readFileSync(copyReferencePath, 'utf8')).toBe(readFileSync(sharedReferencePath, 'utf8'));
  });

  test.each(reference.npsVariance)('npsVariance of $counts is $variance (SE $standardError)', ({ counts, variance, standardError, tolerance }) => {
    const n = counts.detractors + counts.passives + counts.promoters;
    expect(Math.abs(npsVariance(counts) - variance)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(Math.sqrt(npsVariance(counts) / n) - standardError)).toBeLessThanOrEqual(tolerance);
  });

  test.each(reference.npsScoreInterval)('Tango score interval of $counts is [$lower, $upper]', ({ counts, lower, upper, tolerance }) => {
    const interval = npsInterval(counts, { interval: 'score' });
    expect(Math.abs(interval.lower - lower)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(interval.upper - upper)).toBeLessThanOrEqual(tolerance);
  });

  test.each(reference.wilson)('Wilson interval of $successes/$n is [$lower, $upper]', ({ successes, n, lower, upper, tolerance }) => {
    const interval = wilsonInterval(successes, n);
    expect(Math.abs(interval.lower - lower)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(interval.upper - upper)).toBeLessThanOrEqual(tolerance);
  });

  test.each(reference.agrestiCoull)('Agresti–Coull interval of $successes/$n at z = $z is [$lower, $upper]', ({ successes, n, z, lower, upper, tolerance }) => {
    const interval = agrestiCoullInterval(successes, n, { z });
    expect(Math.abs(interval.lower - lower)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(interval.upper - upper)).toBeLessThanOrEqual(tolerance);
  });

  test.each(reference.tInterval)('t interval of mean $mean, sd $sd, n $n is [$lower, $upper]', ({ n, mean, sd, lower, upper, tolerance }) => {
    const interval = tInterval({ mean, sd, n });
    expect(Math.abs(interval.lower - lower)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(interval.upper - upper)).toBeLessThanOrEqual(tolerance);
  });

  test.each(reference.kish)('Kish effective n of $weights is $effectiveN', ({ weights, effectiveN, tolerance }) => {
    expect(Math.abs(effectiveSampleSize(weights) - effectiveN)).toBeLessThanOrEqual(tolerance);
  });

  test.each(reference.newcombeDifference)('Newcombe hybrid score interval of $a − $b is [$lower, $upper]', ({ a, b, lower, upper, tolerance }) => {
    const interval = newcombeInterval(a, b);
    expect(Math.abs(interval.lower - lower)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(interval.upper - upper)).toBeLessThanOrEqual(tolerance);
  });
});

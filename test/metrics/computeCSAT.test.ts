import { describe, expect, test } from 'vitest';
import { computeCSAT, scales, tallyCounts, wilsonInterval } from 'cx-metrics';

describe('computeCSAT', () => {
  test('is the top-2-box share on 1–5, with a Wilson interval and the mean', () => {
    // 45 of 60 satisfied (4 or 5) → 75 %
    const tally = tallyCounts(scales.csat5, [5, 4, 6, 20, 25]);
    const result = computeCSAT(tally);
    expect(result.score).toBe(75);
    const wilson = wilsonInterval(45, 60);
    expect([result.ci?.lower, result.ci?.upper]).toEqual([100 * wilson.lower, 100 * wilson.upper]);
    expect(result.standardError).toBeCloseTo(100 * Math.sqrt((0.75 * 0.25) / 60), 12);
    // mean = (5·1 + 4·2 + 6·3 + 20·4 + 25·5) / 60 = 236/60
    expect(result.mean?.value).toBeCloseTo(236 / 60, 12);
    expect(result.satisfied).toEqual({ min: 4, max: 5, count: 45, weight: 45, percent: 75, ci: result.ci });
    expect(result.ci).toMatchObject({ level: 0.95, method: 'wilson', unit: 'percent' });
    // Every band has the same share shape: count, weight, percent, and a Wilson interval in percent.
    const wilsonBand = wilsonInterval(9, 60);
    expect(result.bands[0]).toEqual({ name: 'dissatisfied', sentiment: 'negative', min: 1, max: 2, count: 9, weight: 9, percent: 15, ci: { lower: 100 * wilsonBand.lower, upper: 100 * wilsonBand.upper, level: 0.95, method: 'wilson', unit: 'percent' } });
  });

  test('the satisfied cut is an option (CustomerGauge counts 9–10 of 10), and must hold the best point', () => {
    const answers = [10, 9, 8, 8, 7, 2];
    expect(computeCSAT(answers, { scale: scales.csat10 }).score).toBeCloseTo((100 * 4) / 6, 12);
    expect(computeCSAT(answers, { scale: scales.csat10, satisfied: { min: 9, max: 10 } }).score).toBeCloseTo((100 * 2) / 6, 12);
    expect(() => computeCSAT(answers, { scale: scales.csat10, satisfied: { min: 1, max: 3 } })).toThrow(/includes the scale's best point, 10/);
  });

  test('other interval methods and an empty sample', () => {
    expect(computeCSAT([5, 1], { interval: 'clopper-pearson' }).ci?.method).toBe('clopper-pearson');
    const empty = computeCSAT([null]);
    expect([empty.score, empty.mean, empty.responses.skipped, empty.satisfied.percent, empty.satisfied.ci]).toEqual([undefined, undefined, 1, undefined, undefined]);
  });

  test('the mean of a single answer has no spread: its interval is the whole scale', () => {
    const result = computeCSAT([4]);
    expect(result.mean?.ci).toEqual({ lower: 1, upper: 5, level: 0.95, method: 'scale-range', unit: 'scale' });
    expect(result.mean?.sd).toBeUndefined();
  });
});

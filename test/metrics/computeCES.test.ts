import { describe, expect, test } from 'vitest';
import { computeCES, scales } from 'cx-metrics';

describe('computeCES', () => {
  test('is the mean on the scale with a t interval, % easy, % difficult and net easy', () => {
    const answers = [7, 7, 6, 5, 5, 4, 3, 1];
    const result = computeCES(answers, { scale: scales.ces7 });
    const mean = 38 / 8;
    const sd = Math.sqrt(answers.reduce((sum, x) => sum + (x - mean) ** 2, 0) / 7);
    // t(0.975; 7) = 2.364624 (NIST prints 2.365)
    expect(result.score).toBeCloseTo(mean, 12);
    expect(result.mean?.sd).toBeCloseTo(sd, 12);
    expect(result.ci).toBe(result.mean?.ci);
    expect(result.ci?.unit).toBe('scale');
    expect(result.ci?.lower).toBeCloseTo(mean - (2.364624 * sd) / Math.sqrt(8), 5);
    expect([result.easy.percent, result.difficult.percent, result.netEasy?.score]).toEqual([62.5, 25, 37.5]);
    // Net easy's standard error is the trinomial one, as for NPS: √((p₊ + p₋ − (p₊ − p₋)²)/n), in points.
    expect(result.netEasy?.standardError).toBeCloseTo(100 * Math.sqrt((0.625 + 0.25 - 0.375 ** 2) / 8), 12);
    expect(result.netEasy?.ci.unit).toBe('points');
  });

  test('"easy" follows the polarity: low effort on CES 1.0, agreement on CES 2.0', () => {
    const effort = computeCES([1, 1, 2, 5], { scale: scales.ces5Effort });
    expect([effort.easy?.percent, effort.difficult?.percent]).toEqual([75, 25]);
    const agreement = computeCES([1, 1, 2, 5], { scale: scales.ces5 });
    expect([agreement.easy?.percent, agreement.difficult?.percent]).toEqual([25, 75]);
  });

  test('requires a scale for raw answers, because CES variants disagree on direction', () => {
    expect(() => computeCES([1, 2, 3])).toThrow(/computeCES: expected a scale \(options.scale\) such as scales.nps or scales.ces7: plain answers do not say which scale they are on, and CES scales disagree on direction/);
  });

  test('easy and difficult cuts are options, checked against the polarity', () => {
    const result = computeCES([1, 2, 3, 9, 10], { scale: scales.ces10Effort, easy: { min: 1, max: 2 }, difficult: { min: 9, max: 10 } });
    expect([result.easy?.percent, result.difficult?.percent]).toEqual([40, 40]);
    expect(() => computeCES([1], { scale: scales.ces10Effort, easy: { min: 8, max: 10 } })).toThrow(/easy below difficult, without overlap: scale 'ces10Effort' is lower-is-better/);
  });

  test('an empty sample has no score', () => {
    const result = computeCES([], { scale: scales.ces7 });
    expect([result.n, result.score, result.mean, result.easy.percent, result.easy.ci, result.netEasy]).toEqual([0, undefined, undefined, undefined, undefined, undefined]);
  });

  test('interval methods: a proportion method for the shares, or { share, net } for net easy too', () => {
    const answers = [7, 6, 2, 1];
    expect(computeCES(answers, { scale: scales.ces7, interval: 'clopper-pearson' }).easy.ci?.method).toBe('clopper-pearson');
    const both = computeCES(answers, { scale: scales.ces7, interval: { share: 'agresti-coull', net: 'score' } });
    expect([both.easy.ci?.method, both.netEasy?.ci.method]).toEqual(['agresti-coull', 'score']);
    expect(() => computeCES(answers, { scale: scales.ces7, interval: { shares: 'wilson' } as never })).toThrow(/did you mean "share"\?\), got "shares" at options.interval.shares/);
    expect(() => computeCES(answers, { scale: scales.ces7, netInterval: 'score' } as never)).toThrow(/got "netInterval" at options.netInterval/);
  });
});

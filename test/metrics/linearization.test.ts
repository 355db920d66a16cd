// Weighted results under Taylor linearization against R's survey package (issue 10). The expected
// values are printed by test/reference/r/linearization.R (R 4.2.2, survey 4.1.1) into
// test/reference/linearization.json: svymean's estimate, SE and deff = "replace", and the intervals
// cx-metrics defines on the statistic's effective n = n/deff, written out in R apart from the library.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeCES, computeCSAT, computeNPS, defineScale, scales, segmentBy } from 'cx-metrics';

// The mean of 0–10 answers, as a CES on an eleven-point scale (a mean is a mean).
const elevenPoint = defineScale({ ...scales.nps, id: 'eleven-point', metric: 'ces' });

interface Statistic {
  readonly estimate: number;
  readonly standardError: number;
  readonly designEffect: number;
  readonly ci: readonly [number, number];
}
interface Case {
  readonly name: string;
  readonly scale: 'nps' | 'csat5' | 'ces7';
  readonly answers: number[];
  readonly weights: number[];
  readonly kishEffectiveN: number;
  readonly mean: Statistic;
  readonly nps?: Statistic;
  readonly promoterShare?: Statistic;
  readonly detractorShare?: Statistic;
  readonly satisfiedShare?: Statistic;
  readonly easyShare?: Statistic;
  readonly difficultShare?: Statistic;
  readonly netEasy?: Statistic;
}
const reference = JSON.parse(readFileSync(new URL('../reference/linearization.json', import.meta.url), 'utf8')) as { cases: Case[] };
const shared = JSON.parse(readFileSync(new URL('../../../shared/reference/precision.json', import.meta.url), 'utf8')) as {
  weightedLinearization: { answers: number[]; weights: number[]; nps: Statistic; promoterShare: Statistic; mean: Statistic; relativeTolerance: number }[];
};

const TOLERANCE = 1e-9;
function close(actual: number | undefined, expected: number, tolerance = TOLERANCE): void {
  expect(actual).toBeDefined();
  // Relative, except at an exact zero.
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * (expected === 0 ? 1 : Math.abs(expected)));
}
function closeShare(share: { percent: number | undefined; ci: { lower: number; upper: number } | undefined }, expected: Statistic): void {
  close(share.percent, 100 * expected.estimate);
  close(share.ci?.lower, 100 * expected.ci[0]);
  close(share.ci?.upper, 100 * expected.ci[1]);
}

describe('weighted results match R survey (linearization)', () => {
  test.each(reference.cases)('$name', (c) => {
    const options = { weights: c.weights };
    if (c.scale === 'nps') {
      const result = computeNPS(c.answers, options);
      const nps = c.nps as Statistic;
      close(result.score, nps.estimate);
      close(result.standardError, nps.standardError);
      close(result.designEffect, nps.designEffect);
      close(result.effectiveN, Math.min(c.answers.length, c.answers.length / nps.designEffect));
      const wald = computeNPS(c.answers, { ...options, interval: 'wald' });
      close(wald.ci?.lower, nps.ci[0]);
      close(wald.ci?.upper, nps.ci[1]);
      closeShare(result.promoters, c.promoterShare as Statistic);
      closeShare(result.detractors, c.detractorShare as Statistic);
      const mean = computeCES(c.answers, { ...options, scale: elevenPoint });
      close(mean.score, c.mean.estimate);
      close(mean.standardError, c.mean.standardError);
      close(mean.ci?.lower, c.mean.ci[0]);
      close(mean.ci?.upper, c.mean.ci[1]);
      close(mean.designEffect, c.mean.designEffect);
    } else if (c.scale === 'csat5') {
      const result = computeCSAT(c.answers, options);
      const satisfied = c.satisfiedShare as Statistic;
      close(result.standardError, 100 * satisfied.standardError);
      close(result.designEffect, satisfied.designEffect);
      closeShare(result.satisfied, satisfied);
      close(result.mean?.standardError, c.mean.standardError);
      close(result.mean?.ci.lower, c.mean.ci[0]);
      close(result.mean?.ci.upper, c.mean.ci[1]);
    } else {
      const result = computeCES(c.answers, { ...options, scale: scales.ces7 });
      close(result.score, c.mean.estimate);
      close(result.standardError, c.mean.standardError);
      close(result.designEffect, c.mean.designEffect);
      close(result.ci?.lower, c.mean.ci[0]);
      close(result.ci?.upper, c.mean.ci[1]);
      closeShare(result.easy, c.easyShare as Statistic);
      closeShare(result.difficult, c.difficultShare as Statistic);
      const net = c.netEasy as Statistic;
      close(result.netEasy?.score, net.estimate);
      close(result.netEasy?.standardError, net.standardError);
      const wald = computeCES(c.answers, { ...options, scale: scales.ces7, interval: { net: 'wald' } });
      close(wald.netEasy?.ci.lower, net.ci[0]);
      close(wald.netEasy?.ci.upper, net.ci[1]);
    }
  });

  test('the case in ../shared/reference/precision.json', () => {
    for (const c of shared.weightedLinearization) {
      const nps = computeNPS(c.answers, { weights: c.weights });
      close(nps.score, c.nps.estimate, c.relativeTolerance);
      close(nps.standardError, c.nps.standardError, c.relativeTolerance);
      close(nps.promoters.percent, 100 * c.promoterShare.estimate, c.relativeTolerance);
      const mean = computeCES(c.answers, { weights: c.weights, scale: elevenPoint });
      close(mean.standardError, c.mean.standardError, c.relativeTolerance);
    }
  });

  test("varianceMethod 'kish' keeps Kish's effective n for every statistic", () => {
    const c = reference.cases[0] as Case;
    const result = computeNPS(c.answers, { weights: c.weights, varianceMethod: 'kish' });
    close(result.effectiveN, c.kishEffectiveN);
    close(result.designEffect, c.answers.length / c.kishEffectiveN);
    expect(result.varianceMethod).toBe('kish');
    expect(computeNPS(c.answers, { weights: c.weights }).varianceMethod).toBe('linearization');
    expect(computeNPS(c.answers).varianceMethod).toBe('unweighted');
    expect(() => computeNPS(c.answers, { weights: c.weights, varianceMethod: 'taylor' as never })).toThrow(/computeNPS: expected one of 'linearization', 'kish'.*options\.varianceMethod/);
  });

  test('equal weights: the unweighted interval exactly, the standard error with survey’s n/(n − 1)', () => {
    const answers = [10, 10, 9, 8, 6, 3, 0, 7, 9, 10];
    const plain = computeNPS(answers);
    const weighted = computeNPS(answers, { weights: answers.map(() => 2) });
    expect([weighted.ci, weighted.effectiveN, weighted.designEffect]).toEqual([plain.ci, 10, 1]);
    close(weighted.standardError, (plain.standardError as number) * Math.sqrt(10 / 9));
  });

  test('the effective n never exceeds the answers: a tiny weight on an odd answer cannot shrink the interval to nothing', () => {
    // Uncapped, n/deff would be 500 001 and the interval [99.998, 100] (a new-user review found it).
    const result = computeNPS([10, 0], { weights: [1, 1e-6] });
    expect(result.effectiveN).toBe(2);
    expect(result.designEffect).toBeLessThan(1e-5);
    expect(result.ci?.lower).toBeLessThan(0);
    const ces = computeCES([7, 6, 7, 6, 7, 6, 7, 1], { scale: scales.ces7, weights: [1, 1, 1, 1, 1, 1, 1, 1e-4] });
    expect(ces.effectiveN).toBeLessThanOrEqual(8);
  });

  test('answers that do not vary: no spread to linearize, so the design effect is Kish’s', () => {
    const result = computeNPS([0, 1, 2], { weights: [1, 2, 3] });
    expect(result.score).toBe(-100);
    expect(result.standardError).toBe(0);
    close(result.effectiveN, 36 / 14);
    expect(result.ci?.lower).toBe(-100);
  });
});

describe('segment tables and trends carry the variance method', () => {
  test('each segment is scored as computeNPS scores its rows, linearization or Kish', () => {
    const c = reference.cases[2] as Case;
    const rows = c.answers.map((score, i) => ({ score, w: c.weights[i] as number, group: i % 3 === 0 ? 'a' : 'b' }));
    for (const varianceMethod of ['linearization', 'kish'] as const) {
      const table = segmentBy(rows, (row) => row.group, { value: 'score', weights: 'w', scale: scales.nps, varianceMethod });
      for (const segment of table.segments) {
        const own = rows.filter((row) => row.group === segment.key[0]);
        const expected = computeNPS(own.map((row) => row.score), { weights: own.map((row) => row.w), varianceMethod });
        expect(segment.result?.ci).toEqual(expected.ci);
        expect(segment.result?.standardError).toBe(expected.standardError);
        expect(segment.result?.varianceMethod).toBe(varianceMethod);
      }
    }
  });
});

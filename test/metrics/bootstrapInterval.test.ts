import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bootstrapInterval, computeCES, computeCSAT, computeNPS, defineScale, scales, tallyAnswers, tallyCounts } from 'cx-metrics';

const reference = JSON.parse(readFileSync(new URL('../reference/jackknifeAcceleration.json', import.meta.url), 'utf8')) as {
  cases: { name: string; metric: 'nps' | 'ces'; answers: number[]; weights: number[]; acceleration: number }[];
};

describe('bootstrapInterval', () => {
  const answers = [10, 9, 9, 8, 7, 6, 3, 10, 9, 2, 10, 8];

  test('seeds up to 2^53 each give their own sequence (no folding of the high bits onto the low)', () => {
    const weights = answers.map((_, i) => 1 + (i % 4) / 3);
    const at = (seed: number): number => bootstrapInterval(answers, { metric: 'nps', weights, seed, method: 'percentile', replicates: 100 }).lower;
    expect(new Set([at(0), at(1), at(2 ** 32), at(2 ** 32 + 1), at(2 ** 53)]).size).toBe(5);
    expect(Object.isFrozen(bootstrapInterval(answers, { metric: 'nps', replicates: 100 }))).toBe(true);
  });

  test('is reproducible: the same seed gives the same interval, another seed another', () => {
    const first = bootstrapInterval(answers, { metric: 'nps', seed: 7 });
    expect(bootstrapInterval(answers, { metric: 'nps', seed: 7 })).toEqual(first);
    // Weighted answers make the resampled scores continuous, so another seed shows.
    const weights = answers.map((_, i) => 1 + (i % 4) / 3);
    expect(bootstrapInterval(answers, { metric: 'nps', weights, seed: 8 }).lower).not.toBe(bootstrapInterval(answers, { metric: 'nps', weights, seed: 7 }).lower);
    expect(first).toMatchObject({ method: 'bootstrap-bca', unit: 'points', estimate: 25, replicates: 2000, seed: 7, level: 0.95, metric: 'nps' });
    expect(first.lower).toBeLessThan(25);
    expect(first.upper).toBeGreaterThan(25);
  });

  test.each(reference.cases)('BCa acceleration from the jackknife: $name (R, test/reference/r/jackknifeAcceleration.R)', (c) => {
    const weighted = c.weights.some((weight) => weight !== 1);
    const scale = c.metric === 'nps' ? scales.nps : scales.ces7;
    const result = bootstrapInterval(c.answers, { metric: c.metric, scale, replicates: 100, ...(weighted ? { weights: c.weights } : {}) });
    expect(Math.abs(result.acceleration - c.acceleration)).toBeLessThanOrEqual(1e-12);
  });

  test('agrees with the analytic interval on a large sample (within Monte Carlo error)', () => {
    // 2000 CSAT answers, 62% satisfied: Wilson and the bootstrap should differ by well under a point.
    const tally = tallyCounts(scales.csat5, [200, 260, 300, 640, 600]);
    const wilson = computeCSAT(tally).ci as { lower: number; upper: number };
    for (const method of ['percentile', 'bca'] as const) {
      const boot = bootstrapInterval(tally, { metric: 'csat', method, seed: 3 });
      expect(Math.abs(boot.lower - wilson.lower)).toBeLessThan(0.5);
      expect(Math.abs(boot.upper - wilson.upper)).toBeLessThan(0.5);
    }
  });

  test('resamples weighted answers with their weights, and skipped answers as respondents', () => {
    const result = bootstrapInterval([10, 0, 9, null, 6, 10], { metric: 'nps', weights: [1, 3, 1, 2, 1, 1], seed: 1, method: 'percentile' });
    expect(result.estimate).toBeCloseTo((100 * (3 - 4)) / 7, 12);
    expect(result.biasCorrection).toBe(0);
    expect(result.lower).toBeGreaterThanOrEqual(-100);
    expect(result.upper).toBeLessThanOrEqual(100);
    // With denominator 'all' a skipped answer is in the denominator of every resample that draws it.
    expect(bootstrapInterval([10, 9, null, null], { metric: 'nps', denominator: 'all', seed: 2 }).estimate).toBe(50);
    // Otherwise resamples of nothing but skipped answers have no score: counted, not averaged in
    // (about (2/4)^4 = 6% of them here).
    const answered = bootstrapInterval([10, 9, null, null], { metric: 'nps', seed: 2 });
    expect(answered.emptyReplicates).toBeGreaterThan(60);
    expect(answered.emptyReplicates).toBeLessThan(200);
  });

  test('CES on its scale; a mean of one point value gives a zero-width interval', () => {
    const result = bootstrapInterval([7, 6, 6, 5, 4, 2, 7], { metric: 'ces', scale: scales.ces7, seed: 5 });
    expect(result.unit).toBe('scale');
    expect(result.estimate).toBeCloseTo(37 / 7, 12);
    const flat = bootstrapInterval(tallyAnswers([4, 4, 4], { scale: scales.ces5 }), { metric: 'ces' });
    expect([flat.lower, flat.upper, flat.acceleration]).toEqual([4, 4, 0]);
  });

  test('each resample is scored as the compute functions score it', () => {
    // The bootstrap's estimate is its scorer applied to the whole sample: equal to the compute functions' score.
    const weights = [1.5, 0.5, 2, 1, 1, 3, 0.25, 1, 1, 2, 1, 1];
    const csatAnswers = answers.map((a) => (a % 5) + 1);
    expect(bootstrapInterval(answers, { metric: 'nps', weights, replicates: 100 }).estimate).toBe(computeNPS(answers, { weights }).score);
    expect(bootstrapInterval(answers, { metric: 'nps', denominator: 'all', replicates: 100 }).estimate).toBe(computeNPS(answers, { denominator: 'all' }).score);
    expect(bootstrapInterval(csatAnswers, { metric: 'csat', weights, replicates: 100 }).estimate).toBe(computeCSAT(csatAnswers, { weights }).score);
    expect(bootstrapInterval(csatAnswers, { metric: 'csat', satisfied: { min: 5, max: 5 }, replicates: 100 }).estimate).toBe(computeCSAT(csatAnswers, { satisfied: { min: 5, max: 5 } }).score);
    expect(bootstrapInterval(csatAnswers, { metric: 'ces', scale: scales.ces5, weights, replicates: 100 }).estimate).toBe(computeCES(csatAnswers, { scale: scales.ces5, weights }).score);
  });

  test('errors name the function, the value and what was expected', () => {
    expect(() => bootstrapInterval(answers, {} as never)).toThrow(/^bootstrapInterval: expected one of 'nps', 'csat', 'ces'.* at options\.metric/);
    const weighted = tallyAnswers([9, 10], { scale: scales.nps, weights: [1, 2] });
    expect(() => bootstrapInterval(weighted, { metric: 'nps' })).toThrow(/a weighted tally keeps each point's Σw and Σw², not each answer's weight/);
    expect(() => bootstrapInterval(answers, { metric: 'nps', replicates: 10 })).toThrow(/expected a whole number of resamples from 100 to 1000000, got 10 at options\.replicates/);
    expect(() => bootstrapInterval(answers, { metric: 'nps', seed: -1 })).toThrow(/expected a whole-number seed from 0 to 2\^53, got -1 at options\.seed/);
    expect(() => bootstrapInterval([null], { metric: 'nps' })).toThrow(/expected at least one answer to score, got "0 answered of 1"/);
    expect(() => bootstrapInterval([3, 12], { metric: 'csat' })).toThrow(expect.objectContaining({ code: 'invalid_answers' }));
    expect(() => bootstrapInterval([3], { metric: 'ces' })).toThrow(/options\.scale/);
    expect(() => bootstrapInterval(answers, { metric: 'nps', interval: 'wald' } as never)).toThrow(/options\.interval/);
    expect(() => bootstrapInterval(answers, { metric: 'nps', satisfied: { min: 9, max: 10 } })).toThrow(/expected an option of NPS \(satisfied is CSAT's\), got "satisfied" at options\.satisfied/);
    expect(defineScale).toBeDefined();
  });
});
